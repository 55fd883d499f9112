import type { ActionArea, CreativeField, Sdg, Sector } from '../../shared/reference-data';
import type { ProjectSnapshot } from '../domain/project-state';
import type { ProjectDocument } from './project.schema';
import { foldForSearch } from '../../shared/search-text';

/** The stored fields of a snapshot (without `_id` and `version`, which the repository sets). */
export function toDocumentFields(s: ProjectSnapshot): Omit<ProjectDocument, '_id' | 'version'> {
  return {
    title: s.title,
    summary: s.summary,
    description: s.description ?? null,
    fields: [...s.fields],
    actionAreas: [...s.actionAreas],
    sectors: [...s.sectors],
    sdgs: [...s.sdgs],
    startDate: s.startDate ?? null,
    endDate: s.endDate ?? null,
    status: s.status,
    leadCityId: s.leadCityId,
    partners: s.partners.map((p) => ({ cityId: p.cityId, status: p.status, message: p.message ?? null, since: p.since })),
    outcome: s.outcome ?? null,
    cancelReason: s.cancelReason ?? null,
    searchText: foldForSearch(`${s.title} ${s.summary}`),
    createdAt: s.createdAt,
    updatedAt: s.updatedAt,
  };
}

/** A stored document as the aggregate's snapshot (`null`s become absent values). */
export function toSnapshot(d: ProjectDocument): ProjectSnapshot {
  const opt = <T>(value: T | null | undefined): T | undefined => (value === null ? undefined : value);
  return {
    id: d._id,
    title: d.title,
    summary: d.summary,
    description: opt(d.description),
    fields: d.fields as CreativeField[],
    actionAreas: d.actionAreas as ActionArea[],
    sectors: d.sectors as Sector[],
    sdgs: d.sdgs as Sdg[],
    startDate: opt(d.startDate),
    endDate: opt(d.endDate),
    status: d.status,
    leadCityId: d.leadCityId,
    partners: (d.partners ?? []).map((p) => ({
      cityId: p.cityId,
      status: p.status,
      ...(p.message ? { message: p.message } : {}),
      since: new Date(p.since),
    })),
    outcome: opt(d.outcome),
    cancelReason: opt(d.cancelReason),
    version: d.version,
    createdAt: new Date(d.createdAt),
    updatedAt: new Date(d.updatedAt),
  };
}
