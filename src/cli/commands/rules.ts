// etcscore rules: the catalogue, from the same definitions the engine runs.
import { Option, type Command } from 'commander';
import { BUILTIN_RULES } from '../../rules/index.js';
import { CATALOGUE_FORMATS, renderCatalogue, type CatalogueFormat } from '../../report/rules.js';
import { EXIT } from '../exit.js';
import { colorEnabled } from '../options.js';
import type { Io } from '../io.js';

export function registerRules(program: Command, io: Io, setExit: (code: number) => void): void {
  program
    .command('rules')
    .description('print the rule catalogue: what each rule finds, why it matters, examples')
    .addOption(new Option('-f, --format <name>', 'pretty, json or markdown').choices(CATALOGUE_FORMATS).default('pretty'))
    .option('--no-color', 'no colour, even on a terminal')
    .action((o: { format: CatalogueFormat; color: boolean }) => {
      const color = o.format === 'pretty' && Boolean(io.stdout.isTTY) && colorEnabled(o.color, io.env);
      io.stdout.write(renderCatalogue(BUILTIN_RULES, o.format, color));
      setExit(EXIT.ok);
    });
}
