import type { FileKind } from '@pmm-config/plugin';
import { configTopLevelKeys, deprecations, validateConfig } from '@pmm-config/schema';
import { configProfile, type KindProfile } from './engine';
import { attributeAliasRule } from './files/alias-rule';
import { blankAttributeRule, customOrderRule } from './files/definition-rules';
import { overlayBlockRule } from './files/overlay-rules';
import { fileValidator, invalidValueInDefinition, unknownKeyInDefinition } from './files/file-schema';
import { fileSectionsRule } from './files/required-sections';
import { templateRules } from './files/template-rules';

const configSchema = { validate: validateConfig, deprecations, topLevelKeys: configTopLevelKeys };
const configs = new Map<string, KindProfile>();

const TOP_LEVEL: Readonly<Record<Exclude<FileKind, 'config'>, readonly string[]>> = {
  collection: ['collections', 'dynamic_collections', 'templates', 'external_templates'],
  template: ['templates'],
  overlay: ['overlays', 'queues', 'templates', 'external_templates'],
  metadata: ['metadata', 'templates', 'external_templates'],
  playlist: ['playlists', 'templates', 'external_templates'],
  image: ['sections'],
};

const cache = new Map<FileKind, KindProfile>();

/**
 * The real profiles: each kind's schema (where there is one) and core rules, built once per kind (the config's
 * once per `--kometa-version`, which its defaults rules read, and once per run with `--check-env`'s environment).
 */
export function realProfiles(options: { readonly kometaVersion?: string; readonly kometaEnv?: Readonly<Record<string, string | undefined>> } = {}): (kind: FileKind) => KindProfile {
  const { kometaVersion, kometaEnv } = options;
  let withEnv: KindProfile | undefined;
  const config = (): KindProfile =>
    kometaEnv === undefined ? configFor(kometaVersion) : (withEnv ??= configProfile(configSchema, { ...(kometaVersion === undefined ? {} : { kometaVersion }), kometaEnv }));
  return (kind) => (kind === 'config' ? config() : fileProfile(kind));
}

function configFor(kometaVersion: string | undefined): KindProfile {
  const key = kometaVersion ?? '';
  let profile = configs.get(key);
  if (!profile) {
    profile = configProfile(configSchema, kometaVersion === undefined ? {} : { kometaVersion });
    configs.set(key, profile);
  }
  return profile;
}

function fileProfile(kind: Exclude<FileKind, 'config'>): KindProfile {
  let profile = cache.get(kind);
  if (!profile) {
    const definitions = kind === 'collection' || kind === 'overlay' || kind === 'playlist' || kind === 'metadata';
    const schema = kind === 'collection' || kind === 'template' ? 'collection' : kind === 'playlist' || kind === 'metadata' || kind === 'overlay' ? kind : undefined;
    profile = {
      kind,
      topLevelKeys: TOP_LEVEL[kind],
      rules: [
        fileSectionsRule(kind),
        ...(definitions ? templateRules(kind) : []),
        ...(kind === 'collection' || kind === 'playlist' || kind === 'overlay' ? [attributeAliasRule(kind)] : []),
        // `collection_order` is ignored in overlay files
        ...(kind === 'collection' || kind === 'playlist' ? [customOrderRule(kind)] : []),
        ...(kind === 'collection' || kind === 'overlay' || kind === 'playlist' ? [blankAttributeRule(kind)] : []),
        ...(kind === 'overlay' ? [overlayBlockRule] : []),
      ],
      pluginRules: false,
      ...(schema ? { validate: fileValidator(kind, schema), unknownKey: unknownKeyInDefinition(schema), invalidValue: invalidValueInDefinition(schema) } : {}),
    };
    cache.set(kind, profile);
  }
  return profile;
}
