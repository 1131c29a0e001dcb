// `npm run lint:types`: the typecheck and ESLint in one process, on one TypeScript program. Run
// apart (`npm run typecheck`, `npm run lint:eslint`), each built the whole program of src/, tests/
// and scripts/ again: ESLint's type-aware rules ask the same checker tsc's diagnostics filled.
// Same tsconfig.json, same eslint.config.js; exit 1 if either finds a problem.
import { ESLint } from 'eslint';
import ts from 'typescript';

const host = { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (d) => fail([d]) };
const parsed = ts.getParsedCommandLineOfConfigFile('tsconfig.json', { noEmit: true }, host);
const program = ts.createProgram({ rootNames: parsed.fileNames, options: parsed.options });
const diagnostics = ts.getPreEmitDiagnostics(program);

const format = {
  getCanonicalFileName: (f) => f,
  getCurrentDirectory: ts.sys.getCurrentDirectory,
  getNewLine: () => ts.sys.newLine,
};
// Colours as the checks runner asks (FORCE_COLOR), else when printing to a terminal, as tsc does.
const color = process.env.FORCE_COLOR ? process.env.FORCE_COLOR !== '0' : process.stdout.isTTY;
function fail(found) {
  process.stdout.write((color ? ts.formatDiagnosticsWithColorAndContext : ts.formatDiagnostics)(found, format));
  process.exitCode = 1;
}
if (diagnostics.length > 0) fail(diagnostics);

// The TypeScript files get the program above instead of a project service of their own.
const eslint = new ESLint({
  overrideConfig: [
    { files: ['**/*.ts'], languageOptions: { parserOptions: { programs: [program], projectService: false } } },
  ],
});
const results = await eslint.lintFiles(['.']);
const text = await (await eslint.loadFormatter('stylish')).format(results);
if (text) process.stdout.write(text);
if (results.some((r) => r.errorCount > 0)) process.exitCode = 1;
