import { CREATIVE_FIELDS, type CreativeField } from '../../ui/FieldBadge';
import { STATUSES, type ProjectStatus } from './vocabulary';

/** The filters of the projects list, kept in the address (a filtered list can be shared and reloaded). */
export interface ProjectFilters {
  q: string;
  status: ProjectStatus | '';
  field: CreativeField | '';
  sdg: number | null;
  cityId: string;
  page: number;
}

export const PAGE_SIZE = 20;

/** Reads the filters from ?q=&status=&field=&sdg=&city=&page=, ignoring values the API would refuse. */
export function readFilters(params: URLSearchParams): ProjectFilters {
  const status = params.get('status') ?? '';
  const field = params.get('field') ?? '';
  const sdg = Number(params.get('sdg'));
  const page = Number(params.get('page'));
  return {
    q: params.get('q')?.trim() ?? '',
    status: (STATUSES as readonly string[]).includes(status) ? (status as ProjectStatus) : '',
    field: (CREATIVE_FIELDS as readonly string[]).includes(field) ? (field as CreativeField) : '',
    sdg: Number.isInteger(sdg) && sdg >= 1 && sdg <= 17 ? sdg : null,
    cityId: params.get('city') ?? '',
    page: Number.isInteger(page) && page > 1 ? page : 1,
  };
}

/** The address of these filters (empty ones left out; page 1 is the default). */
export function writeFilters(filters: ProjectFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.q) params.set('q', filters.q);
  if (filters.status) params.set('status', filters.status);
  if (filters.field) params.set('field', filters.field);
  if (filters.sdg) params.set('sdg', String(filters.sdg));
  if (filters.cityId) params.set('city', filters.cityId);
  if (filters.page > 1) params.set('page', String(filters.page));
  return params;
}

/** GET /projects's query for these filters. */
export function listQuery(filters: ProjectFilters) {
  return {
    ...(filters.q ? { q: filters.q } : {}),
    ...(filters.status ? { status: filters.status } : {}),
    ...(filters.field ? { field: filters.field } : {}),
    ...(filters.sdg ? { sdg: filters.sdg } : {}),
    ...(filters.cityId ? { cityId: filters.cityId } : {}),
    page: filters.page,
    limit: PAGE_SIZE,
  };
}

export const hasFilters = (f: ProjectFilters) => !!(f.q || f.status || f.field || f.sdg || f.cityId);
export const pageCount = (total: number, limit = PAGE_SIZE) => Math.max(1, Math.ceil(total / limit));
