import { Route, Routes } from 'react-router';
import './projects.css';
import { ProjectListPage } from './ProjectListPage';
import { ProjectPage } from './ProjectPage';
import { ProposeProjectPage } from './ProposeProjectPage';

/** The projects section, mounted at /projects/*: the list, the propose form and a project's page. */
export default function ProjectsRoutes() {
  return (
    <Routes>
      <Route index element={<ProjectListPage />} />
      <Route path="new" element={<ProposeProjectPage />} />
      <Route path=":id" element={<ProjectPage />} />
    </Routes>
  );
}
