import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { ValidateFunction } from 'ajv';

const require = createRequire(import.meta.url);
// ajv ships CommonJS; its 2020-12 build is the one that knows prefixItems.
const Ajv2020 = require('ajv/dist/2020').default as typeof import('ajv').default;
const addFormats = require('ajv-formats') as (ajv: InstanceType<typeof Ajv2020>) => void;

const schema = JSON.parse(readFileSync(new URL('../../schema/analysis.schema.json', import.meta.url), 'utf8'));

/** A validator for one Analysis, and one for an error record. */
export function analysisValidators(): { analysis: ValidateFunction; error: ValidateFunction } {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  addFormats(ajv);
  const analysis = ajv.compile(schema);
  const error = ajv.getSchema(`${schema.$id}#/$defs/errorRecord`)!;
  return { analysis, error };
}
