import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { COUNTRY_CODES, countryName } from '../../../shared/countries';
import { localize, type Lang } from '../../../shared/reference-data';
import { GetMetaQuery } from './get-meta.query';
import type { MetaView } from './meta.view';

/** Pure and cheap, so computed once per language and kept. */
@QueryHandler(GetMetaQuery)
export class GetMetaHandler implements IQueryHandler<GetMetaQuery> {
  private readonly cache = new Map<Lang, MetaView>();

  async execute({ lang }: GetMetaQuery): Promise<MetaView> {
    let meta = this.cache.get(lang);
    if (!meta) {
      meta = buildMeta(lang);
      this.cache.set(lang, meta);
    }
    return meta;
  }
}

export function buildMeta(lang: Lang): MetaView {
  const collator = new Intl.Collator(lang);
  const countries = COUNTRY_CODES.map((id) => ({ id, label: countryName(id, lang) })).sort((a, b) => collator.compare(a.label, b.label));
  return { ...localize(lang), countries };
}
