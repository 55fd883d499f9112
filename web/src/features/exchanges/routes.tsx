import { Route, Routes } from 'react-router';
import { NotFound } from '../../shell/NotFound';
import { ExchangeRoute } from './ExchangeRoute';
import { ExchangesRoute } from './ExchangesRoute';
import './exchanges.css';

/** The exchanges section, mounted at /exchanges/*: the city's exchanges, and one exchange. */
export default function ExchangesRoutes() {
  return (
    <Routes>
      <Route index element={<ExchangesRoute />} />
      <Route path=":id" element={<ExchangeRoute />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
