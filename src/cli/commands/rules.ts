// etcscore rules: the catalogue, from the same definitions the engine runs, with the user's
// configuration applied (their rules, extended phrases, rules switched off).
import path from 'node:path';
import { Option, type Command } from 'commander';
import { CONFIG_FILES, catalogueFor, resolveConfig, skippedNote } from '../config.js';
import { CATALOGUE_FORMATS, renderCatalogue, type CatalogueFormat } from '../../report/rules.js';
import { EXIT } from '../exit.js';
import { colorEnabled } from '../options.js';
import { colourThrough, type Io } from '../io.js';
import { forTerminal } from '../../report/terminal.js';

interface RulesOptions {
  format: CatalogueFormat;
  color: boolean;
  config?: string;
  configPath?: boolean;
}

export function registerRules(program: Command, io: Io, setExit: (code: number) => void): void {
  program
    .command('rules')
    .description('print the rule catalogue: what each rule finds, why it matters, examples')
    .addOption(new Option('-f, --format <name>', 'pretty, json or markdown').choices(CATALOGUE_FORMATS).default('pretty'))
    .option('--config <file>', 'apply this configuration (default: the first .etcscorerc.yaml, .yml or .json here or in a folder above)')
    .option('--config-path', 'print the path of the configuration file in effect ("none" when there is none) and stop')
    .option('--no-color', 'no colour, even on a terminal')
    .action((o: RulesOptions) => {
      // Loaded (and so checked) either way: a file that stops every run is not "in effect".
      const { config, skipped } = resolveConfig({ cwd: io.cwd, file: o.config });
      // The same decision as score and coach: a found file that may not be used is named, not used.
      if (skipped) io.stderr.write(skippedNote(skipped) + '\n');
      if (o.configPath) {
        if (config) io.stdout.write(path.resolve(io.cwd, config.file) + '\n');
        else {
          io.stdout.write('none\n');
          if (!skipped) io.stderr.write(forTerminal(`no ${CONFIG_FILES.join(', ')} in ${path.resolve(io.cwd)} or a folder above it`, { oneLine: true }) + '\n');
        }
        return setExit(EXIT.ok);
      }
      const color = o.format === 'pretty' && Boolean(io.stdout.isTTY) && colorEnabled(o.color, io.env);
      if (color) colourThrough(io.stdout);
      io.stdout.write(renderCatalogue(catalogueFor(config), o.format, color));
      setExit(EXIT.ok);
    });
}
