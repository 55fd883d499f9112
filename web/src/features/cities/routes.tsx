import { Route, Routes } from 'react-router';
import { NotFound } from '../../shell/NotFound';
import './cities.css';
import { CityPage } from './CityPage';
import { DirectoryPage } from './DirectoryPage';

/** The cities section, mounted at /cities/*: the directory, and a city's page at /cities/:id. */
export default function CitiesRoutes() {
  return (
    <Routes>
      <Route index element={<DirectoryPage />} />
      <Route path=":id" element={<CityPage />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
