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

/** What happens to the credentials the config lacks: saved, declined (flag or answer), or kept out because nobody could be asked. */
type SaveDecision = 'save' | 'declined' | 'not-asked' | 'nothing-to-save';

/**
 * Consent first: credentials given by flag, env or prompt are written only when `--save-credentials` says so or
 * the user says yes on a terminal. Without a terminal and without the flag they are never written.
 */
async function saveDecision(request: WriteRequest): Promise<SaveDecision> {
  if (request.notInConfig.length === 0) return 'nothing-to-save';
  if (request.saveCredentials !== undefined) return request.saveCredentials ? 'save' : 'declined';
  if (!request.ask) return 'not-asked';
  const labels = request.notInConfig.map((field) => field.label).join(' and ');
  const answer = (await request.ask(`Save the ${labels} to ${request.config.display} too? [Y/n]`)).trim().toLowerCase();
  return answer === '' || answer === 'y' || answer === 'yes' ? 'save' : 'declined';
}

function lostTokensAdvice(flowKind: AuthFlowKind, configKey: string): string {
  return flowKind === 'refresh'
    ? ` The old refresh token is already spent: run \`pmm-config auth ${configKey}\` to authorize again.`
    : ` Run the command again.`;
}

/**
 * Writes the new authorization block (and blanks spent inputs) into the config, atomically, refusing if the
 * file changed on disk since it was read. Credentials the config lacks are written only with consent (see
 * {@link saveDecision}). Returns the redacted summary of what changed.
 */
export async function writeOutcome(request: WriteRequest): Promise<string> {
  const { config, configKey, update } = request;
  const section = config.section;
  const existingKeys = new Set(section !== null && typeof section === 'object' && !Array.isArray(section) ? Object.keys(section) : []);
  const decision = await saveDecision(request);
  const missingPairs: EditMapping = decision === 'save' ? request.notInConfig.map((field): [string, string] => [field.key, request.credentials[field.key] ?? '']) : [];

  let next: string;
  try {
    next = applySectionEdit(config.text, {
      section: configKey,
      // A missing section is created with these keys in this order: credentials (when saved) first, as Kometa's template has them.
      set: [...missingPairs, ...sectionEdits(update, existingKeys)],
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
    savedCredentials: missingPairs.map(([key]) => key),
    leftOutCredentials: decision === 'not-asked' ? request.notInConfig.map((field) => field.key) : [],
    ...(request.backup ? { backup: `${config.display}.bak` } : {}),
  });
}
