import i18next from 'i18next';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { MemoryRouter } from 'react-router';
import { beforeAll, describe, expect, it } from 'vitest';
import commonEs from '../i18n/common/es.json';
import { FieldGroup } from './FieldGroup';
import { Pager } from './Pager';

const i18n = i18next.createInstance();
beforeAll(() => i18n.use(initReactI18next).init({ lng: 'es', ns: ['common'], defaultNS: 'common', resources: { es: { common: commonEs } } }));

const render = (node: React.ReactNode) =>
  renderToStaticMarkup(
    <I18nextProvider i18n={i18n}>
      <MemoryRouter>{node}</MemoryRouter>
    </I18nextProvider>,
  );

describe('FieldGroup: a fieldset ErrorSummary can reach', () => {
  it('names the group by its legend, describes it by its hint and errors, and is focusable by the field id', () => {
    const html = render(
      <FieldGroup name="sdgs" label="Objetivos" hint="Elija uno o más." errors={['Elija al menos uno.']} required>
        <label>
          <input type="checkbox" name="sdgs" value="4" /> ODS 4
        </label>
      </FieldGroup>,
    );
    expect(html).toContain(
      '<fieldset id="field-sdgs" tabindex="-1" class="field field-group field-invalid" aria-describedby="field-sdgs-hint field-sdgs-error">',
    );
    expect(html).toContain('<legend>Objetivos<span class="muted"> (obligatorio)</span></legend>');
    expect(html).toContain('<p id="field-sdgs-error" class="field-error">Elija al menos uno.</p>');
  });
  it('has no description without hint or errors', () => {
    expect(
      render(
        <FieldGroup name="rating" label="Valoración">
          {null}
        </FieldGroup>,
      ),
    ).toContain('<fieldset id="field-rating" tabindex="-1" class="field field-group">');
  });
});

describe('Pager: previous / next with where the reader is', () => {
  it('links the neighbouring pages and says the position, in the chosen language', () => {
    const html = render(<Pager page={2} pages={3} hrefOf={(n) => `/practices?page=${n}`} />);
    expect(html).toContain('<nav class="pager" aria-label="Páginas">');
    expect(html).toMatch(/href="\/practices\?page=1"[^>]*>Página anterior<\/a>/);
    expect(html).toContain('Página 2 de 3');
    expect(html).toMatch(/href="\/practices\?page=3"[^>]*>Página siguiente<\/a>/);
  });
  it('shows nothing when everything fits on one page, and no link past the ends', () => {
    expect(render(<Pager page={1} pages={1} hrefOf={String} />)).toBe('');
    const last = render(<Pager page={3} pages={3} hrefOf={String} label="Resultados" />);
    expect(last).toContain('aria-label="Resultados"');
    expect(last).not.toContain('Página siguiente');
  });
});
