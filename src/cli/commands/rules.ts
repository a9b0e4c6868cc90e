// etcscore rules: the catalogue, from the same definitions the engine runs.
import { Option, type Command } from 'commander';
import { catalogueFor, loadConfig } from '../config.js';
import { CATALOGUE_FORMATS, renderCatalogue, type CatalogueFormat } from '../../report/rules.js';
import { EXIT } from '../exit.js';
import { colorEnabled } from '../options.js';
import type { Io } from '../io.js';

export function registerRules(program: Command, io: Io, setExit: (code: number) => void): void {
  program
    .command('rules')
    .description('print the rule catalogue: what each rule finds, why it matters, examples')
    .addOption(new Option('-f, --format <name>', 'pretty, json or markdown').choices(CATALOGUE_FORMATS).default('pretty'))
    .option('--config <file>', 'include your own rules and leave out disabled ones (default: .etcscorerc.json here, if present)')
    .option('--no-color', 'no colour, even on a terminal')
    .action((o: { format: CatalogueFormat; color: boolean; config?: string }) => {
      const color = o.format === 'pretty' && Boolean(io.stdout.isTTY) && colorEnabled(o.color, io.env);
      io.stdout.write(renderCatalogue(catalogueFor(loadConfig(io.cwd, o.config)), o.format, color));
      setExit(EXIT.ok);
    });
}
