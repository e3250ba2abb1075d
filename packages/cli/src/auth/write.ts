import { applySectionEdit } from '@pmm-config/config-edit';
import type { EditMapping } from '@pmm-config/config-edit';
import type { AuthFlowKind, CredentialField, SectionUpdate } from '@pmm-config/plugin';
import { writeFileAtomic } from '../io/atomic-write';
import type { LoadedConfig } from './config-file';
import { AuthCommandError, EXIT_REFUSED } from './errors';
import { redactedSummary, sectionEdits } from './output';

/** What to write after a flow returned an update. */
export interface WriteRequest {
  readonly config: LoadedConfig;
  readonly configKey: string;
  readonly update: SectionUpdate;
  readonly credentials: Readonly<Record<string, string>>;
  readonly notInConfig: readonly CredentialField[];
  readonly saveCredentials?: boolean;
  readonly backup: boolean;
  readonly flowKind: AuthFlowKind;
  /** Asks a yes/no question on a terminal; absent when there is none. */
  readonly ask?: (question: string) => Promise<string>;
}

function isBlankValue(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}

function isEmptySection(section: unknown): boolean {
  return section === undefined || section === null || (typeof section === 'object' && !Array.isArray(section) && Object.keys(section).length === 0);
}

async function shouldSaveCredentials(request: WriteRequest): Promise<boolean> {
  if (request.notInConfig.length === 0) return false;
  if (request.saveCredentials !== undefined) return request.saveCredentials;
  if (!request.ask) return false;
  const labels = request.notInConfig.map((field) => field.label).join(' and ');
  const answer = (await request.ask(`Save the ${labels} to ${request.config.display} too? [Y/n]`)).trim().toLowerCase();
  return answer === '' || answer === 'y' || answer === 'yes';
}

function lostTokensAdvice(flowKind: AuthFlowKind, configKey: string): string {
  return flowKind === 'refresh'
    ? ` The old refresh token is already spent: run \`pmm-config auth ${configKey}\` to authorize again.`
    : ` Run the command again.`;
}

/**
 * Writes the new authorization block (and blanks spent inputs) into the config, atomically, refusing if the
 * file changed on disk since it was read. Credentials are written only into a new section, or when the
 * user agreed to save the ones the config lacked. Returns the redacted summary of what changed.
 */
export async function writeOutcome(request: WriteRequest): Promise<string> {
  const { config, configKey, update } = request;
  const section = config.section;
  const existingKeys = new Set(section !== null && typeof section === 'object' && !Array.isArray(section) ? Object.keys(section) : []);
  const creating = isEmptySection(section);
  const credentialPairs: EditMapping = Object.entries(request.credentials);
  const saveMissing = !creating && (await shouldSaveCredentials(request));
  const missingPairs: EditMapping = saveMissing ? request.notInConfig.map((field): [string, string] => [field.key, request.credentials[field.key] ?? '']) : [];

  let next: string;
  try {
    next = applySectionEdit(config.text, {
      section: configKey,
      set: [...missingPairs, ...sectionEdits(update, existingKeys)],
      ...(creating ? { createWith: credentialPairs } : {}),
    });
  } catch (error) {
    throw new AuthCommandError(
      'AUTH_WRITE_FAILED',
      `cannot update ${config.display} safely (${error instanceof Error ? error.message : String(error)}); nothing was written: use --print and paste the block by hand.${lostTokensAdvice(request.flowKind, configKey)}`,
      { cause: error },
    );
  }
  try {
    await writeFileAtomic(config.path, next, { expectedOriginal: config.text, backup: request.backup });
  } catch (error) {
    if ((error as { code?: string }).code === 'CONFIG_CHANGED') {
      throw new AuthCommandError('CONFIG_CHANGED', `${config.display} changed on disk while authorizing, so nothing was written.${lostTokensAdvice(request.flowKind, configKey)}`, {
        exitCode: EXIT_REFUSED,
        cause: error,
      });
    }
    throw new AuthCommandError('AUTH_WRITE_FAILED', `could not write ${config.display} (${(error as { code?: string }).code ?? (error instanceof Error ? error.message : String(error))}); it was left as it was.${lostTokensAdvice(request.flowKind, configKey)}`, { cause: error });
  }
  return redactedSummary({
    configKey,
    file: config.display,
    update,
    blanked: (update.blank ?? []).filter((key) => existingKeys.has(key) && !isBlankValue((section as Record<string, unknown>)[key])),
    savedCredentials: creating ? Object.keys(request.credentials) : missingPairs.map(([key]) => key),
    ...(request.backup ? { backup: `${config.display}.bak` } : {}),
  });
}
