import { type Type as ClassType } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

export const DEFAULT_PAGE_LIMIT = 20;
export const MAX_PAGE_LIMIT = 100;
/** Far beyond any real list; keeps `skip` a sane integer for MongoDB (a huge one would be a 500). */
export const MAX_PAGE = 100_000;

/**
 * `?page=&limit=` of every list (SPEC §3). Extend it with a list's own filters:
 * `class ListCitiesDto extends PaginationQuery { … }`. Query strings arrive as strings, hence
 * `@Type(() => Number)`; "", "abc", "2.5" and 0 are 400s naming the field.
 */
export class PaginationQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE, default: 1, description: 'Page number, from 1.' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE)
  page: number = 1;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_LIMIT, default: DEFAULT_PAGE_LIMIT, description: 'Items per page.' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_LIMIT)
  limit: number = DEFAULT_PAGE_LIMIT;
}

/** What a paged query needs, without the DTO class (query objects and handlers use this). */
export interface PageRequest {
  page: number;
  limit: number;
}

/** The answer of every list: `{ items, total, page, limit }`. */
export interface Page<T> extends PageRequest {
  items: T[];
  total: number;
}

export function pageRequest(query: Partial<PageRequest> = {}): PageRequest {
  return { page: query.page ?? 1, limit: query.limit ?? DEFAULT_PAGE_LIMIT };
}

/** Documents to skip for this page. */
export function skipOf({ page, limit }: PageRequest): number {
  return (page - 1) * limit;
}

export function pageOf<T>(items: T[], total: number, { page, limit }: PageRequest): Page<T> {
  return { items, total, page, limit };
}

/** One page cut from a list already in memory (small read models). */
export function slicePage<T>(all: readonly T[], request: PageRequest): Page<T> {
  const start = skipOf(request);
  return pageOf(all.slice(start, start + request.limit), all.length, request);
}

/**
 * An OpenAPI schema class for `Page<Item>`: `@ApiOkResponse({ type: PageOf(CityView) })`. Memoized,
 * so one item type gives one schema name.
 */
const pageClasses = new Map<ClassType, ClassType>();
export function PageOf<T>(item: ClassType<T>): ClassType<Page<T>> {
  const known = pageClasses.get(item);
  if (known) return known as ClassType<Page<T>>;
  class PageView implements Page<T> {
    @ApiProperty({ type: item, isArray: true }) items!: T[];
    @ApiProperty({ minimum: 0 }) total!: number;
    @ApiProperty({ minimum: 1 }) page!: number;
    @ApiProperty({ minimum: 1, maximum: MAX_PAGE_LIMIT }) limit!: number;
  }
  Object.defineProperty(PageView, 'name', { value: `${item.name}Page` });
  pageClasses.set(item, PageView);
  return PageView;
}
