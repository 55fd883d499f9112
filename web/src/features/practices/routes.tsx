import { Route, Routes } from 'react-router';
import { NotFound } from '../../shell/NotFound';
import { EditRoute } from './EditRoute';
import { LibraryRoute } from './LibraryRoute';
import { PracticeRoute } from './PracticeRoute';
import { ShareRoute } from './ShareRoute';
import './practices.css';

/** The practices section, mounted at /practices/*: the library, sharing, a practice and its edit form. */
export default function PracticesRoutes() {
  return (
    <Routes>
      <Route index element={<LibraryRoute />} />
      <Route path="new" element={<ShareRoute />} />
      <Route path=":id" element={<PracticeRoute />} />
      <Route path=":id/edit" element={<EditRoute />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
