import { lazy, Suspense, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useFormat } from '../../i18n/format';
import { CREATIVE_FIELDS } from '../../ui/FieldBadge';
import { Loading } from '../../ui/Loading';
import { PageHeading } from '../../ui/PageHeading';
import { namedEdges } from './graph-data';
import { REGIONS, useGraph, type Field, type GraphNode, type Region } from './insight-api';

const GraphMap = lazy(() => import('./GraphMap'));
const ForceGraph = lazy(() => import('./ForceGraph'));

const isField = (v: string | null): v is Field => !!v && (CREATIVE_FIELDS as readonly string[]).includes(v);
const isRegion = (v: string | null): v is Region => !!v && (REGIONS as string[]).includes(v);

/**
 * /insight/network: who works with whom — on the world map or as a network (?view=network),
 * filtered by field and region (?field=&region=), and always as a table (its text alternative).
 */
export function NetworkPage() {
  const { t } = useTranslation('insight');
  const format = useFormat();
  const [params, setParams] = useSearchParams();
  const field = isField(params.get('field')) ? (params.get('field') as Field) : undefined;
  const region = isRegion(params.get('region')) ? (params.get('region') as Region) : undefined;
  // Local state first (a radio must show its choice at once; the address follows, for a link or a reload).
  const [view, setView] = useState<'map' | 'network'>(params.get('view') === 'network' ? 'network' : 'map');
  const graph = useGraph({ ...(field && { field }), ...(region && { region }) });
  const edges = useMemo(() => (graph.data ? namedEdges(graph.data) : []), [graph.data]);
  const set = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const nameOf = (node: GraphNode, partners: number) => t('graph.node', { name: node.name, count: partners });
  return (
    <section className="page insight">
      <PageHeading>{t('graph.title')}</PageHeading>
      <p>{t('graph.intro')}</p>
      <div className="filters-inline graph-filters">
        <label htmlFor="graph-field">{t('columns.field')}</label>
        <select id="graph-field" value={field ?? ''} onChange={(e) => set('field', e.target.value || undefined)}>
          <option value="">{t('graph.anyField')}</option>
          {CREATIVE_FIELDS.map((f) => (
            <option key={f} value={f}>
              {t(`common:fields.${f}`)}
            </option>
          ))}
        </select>
        <label htmlFor="graph-region">{t('columns.region')}</label>
        <select id="graph-region" value={region ?? ''} onChange={(e) => set('region', e.target.value || undefined)}>
          <option value="">{t('graph.anyRegion')}</option>
          {REGIONS.map((r) => (
            <option key={r} value={r}>
              {t(`regions.${r}`)}
            </option>
          ))}
        </select>
      </div>
      {!graph.data ? (
        graph.isError ? (
          <p className="notice notice-error">{t('common:ui.loadFailed')}</p>
        ) : (
          <Loading />
        )
      ) : (
        <>
          <p role="status">{t('graph.summary', { cities: format.number(graph.data.nodes.length), count: edges.length })}</p>
          {edges.length === 0 ? (
            <p className="empty">
              {t('graph.empty')} <Link to="/projects">{t('graph.emptyLink')}</Link>
            </p>
          ) : (
            <>
              <fieldset className="choice-group kind-choice">
                <legend>{t('graph.view')}</legend>
                {(['map', 'network'] as const).map((v) => (
                  <span key={v} className="choice-inline">
                    <input
                      type="radio"
                      id={`view-${v}`}
                      name="view"
                      checked={view === v}
                      onChange={() => {
                        setView(v);
                        set('view', v === 'map' ? undefined : v);
                      }}
                    />
                    <label htmlFor={`view-${v}`}>{t(`graph.views.${v}`)}</label>
                  </span>
                ))}
              </fieldset>
              <figure className="map-figure graph-figure">
                <figcaption>{t(view === 'map' ? 'graph.mapCaption' : 'graph.networkCaption')}</figcaption>
                <Suspense fallback={<Loading />}>
                  {view === 'map' ? (
                    <GraphMap graph={graph.data} label={t('graph.mapLabel')} nameOf={nameOf} />
                  ) : (
                    <ForceGraph graph={graph.data} label={t('graph.networkLabel')} nameOf={nameOf} />
                  )}
                </Suspense>
              </figure>
              <div className="table-scroll">
                <table className="data-table">
                  <caption>{t('graph.tableCaption')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('graph.cityA')}</th>
                      <th scope="col">{t('graph.cityB')}</th>
                      <th scope="col">{t('graph.projects')}</th>
                      <th scope="col">{t('graph.exchanges')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {edges.map((e) => (
                      <tr key={`${e.a}-${e.b}`}>
                        <th scope="row">
                          <Link to={`/cities/${encodeURIComponent(e.a)}`}>{e.nameA}</Link>
                        </th>
                        <td>
                          <Link to={`/cities/${encodeURIComponent(e.b)}`}>{e.nameB}</Link>
                        </td>
                        <td>{format.number(e.projects)}</td>
                        <td>{format.number(e.exchanges)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          )}
        </>
      )}
    </section>
  );
}
