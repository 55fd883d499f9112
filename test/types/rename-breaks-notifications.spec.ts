import { join, relative, resolve } from 'node:path';
import * as ts from 'typescript';

/**
 * The point of one definition per event, proven with the compiler: rename `cityId` in
 * PartnerInvited's schema (in memory, the repository is not touched) and the notifications rules
 * stop compiling. Runs the TypeScript compiler API on the notifications domain and what it imports
 * (not the whole project: ~10 s instead of ~25 s), first on the real source (no error), then with
 * the rename, reusing the first program's parsed files. Types alone: test/types/notification-rules.test-d.ts.
 */
const ROOT = resolve(__dirname, '../..');
const EVENTS = join(ROOT, 'src/projects/domain/events.ts');
const CHECKED = ['recipients.ts', 'notification-text.ts', 'notification-types.ts'].map((file) => join(ROOT, 'src/notifications/domain', file));

const options: ts.CompilerOptions = {
  ...ts.parseJsonConfigFileContent(ts.readConfigFile(join(ROOT, 'tsconfig.json'), ts.sys.readFile).config, ts.sys, ROOT).options,
  noEmit: true,
};

/** Errors in the checked files when src/projects/domain/events.ts reads `eventsSource`. */
function check(eventsSource: string, oldProgram?: ts.Program) {
  const host = ts.createCompilerHost(options);
  const read = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, language, ...rest) =>
    resolve(fileName) === EVENTS ? ts.createSourceFile(fileName, eventsSource, language) : read(fileName, language, ...rest);
  const program = ts.createProgram({ rootNames: CHECKED, options, host, oldProgram });
  const errors = [
    ...program.getOptionsDiagnostics(),
    ...program.getGlobalDiagnostics(),
    ...CHECKED.flatMap((file) => program.getSemanticDiagnostics(program.getSourceFile(file))),
  ]
    .filter((d) => d.category === ts.DiagnosticCategory.Error)
    .map((d) => `${d.file ? relative(ROOT, d.file.fileName) : '(options)'}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`);
  return { program, errors };
}

describe('one definition per event', () => {
  it('a field renamed in PartnerInvited’s schema breaks the type-check of the notifications rules', () => {
    const source = ts.sys.readFile(EVENTS)!;
    // PartnerInvited's payload spreads the partner base, which holds `cityId`: give it another name.
    const renamed = source.replace(/(defineEvent\(\s*'PartnerInvited',[^;]*?)\.\.\.partnerBase\b/, '$1...base, invitedCityId: id');
    expect(renamed).not.toBe(source); // else the definition changed shape: update the pattern above

    const before = check(source);
    expect(before.errors).toEqual([]);

    const after = check(renamed, before.program);
    expect(after.errors).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^src\/notifications\/domain\/recipients\.ts: .*'cityId'/),
        expect.stringMatching(/^src\/notifications\/domain\/notification-text\.ts: .*'cityId'/),
      ]),
    );
    expect(after.errors.every((error) => error.startsWith('src/notifications/'))).toBe(true);
  }, 60_000);
});
