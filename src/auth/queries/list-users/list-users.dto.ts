import { PaginationQuery } from '../../../shared/pagination';

/** `?page=&limit=` (an admin sees every user, a city user those of its city). */
export class ListUsersDto extends PaginationQuery {}
