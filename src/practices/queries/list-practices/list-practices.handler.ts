import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { pageOf, type Page } from '../../../shared/pagination';
import { normalizeTag } from '../../domain/practice-values';
import { PracticeReadRepository } from '../../persistence/practice-read.repository';
import { PracticeView } from '../get-practice/practice.view';
import { ListPracticesQuery } from './list-practices.query';

@QueryHandler(ListPracticesQuery)
export class ListPracticesHandler implements IQueryHandler<ListPracticesQuery> {
  constructor(private readonly practices: PracticeReadRepository) {}

  async execute({ filter, viewer, page }: ListPracticesQuery): Promise<Page<PracticeView>> {
    const tag = filter.tag === undefined ? undefined : normalizeTag(filter.tag);
    const { items, total } = await this.practices.list({ ...filter, tag }, viewer, page);
    return pageOf(items.map(PracticeView.of), total, page);
  }
}
