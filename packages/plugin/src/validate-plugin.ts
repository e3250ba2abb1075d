import type { Plugin } from './plugin';
import { PLUGIN_API_VERSION } from './plugin';

const ID = /^[a-z][a-z0-9-]*$/;
const FLAG = /^[a-z][a-z0-9-]*$/;
const ENV = /^[A-Z][A-Z0-9_]*$/;
const FLOW_KINDS = ['authorize', 'refresh', 'check', 'revoke'];

type Problems = string[];

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function needString(problems: Problems, value: unknown, where: string, pattern?: RegExp): void {
  if (typeof value !== 'string' || value.length === 0) problems.push(`${where} must be a non-empty string`);
  else if (pattern && !pattern.test(value)) problems.push(`${where} must match ${pattern}`);
}

function needUrl(problems: Problems, value: unknown, where: string): void {
  if (typeof value !== 'string' || !/^https?:\/\/[^/\s]+/.test(value)) problems.push(`${where} must be an http(s) URL`);
}

function checkRules(problems: Problems, rules: unknown, pluginId: string): void {
  if (rules === undefined) return;
  if (!Array.isArray(rules)) return void problems.push('rules must be an array');
  const seen = new Set<string>();
  rules.forEach((rule, index) => {
    const where = `rules[${index}]`;
    if (!isObject(rule)) return void problems.push(`${where} must be an object`);
    needString(problems, rule['id'], `${where}.id`);
    if (typeof rule['id'] === 'string') {
      if (!rule['id'].startsWith(`${pluginId}/`)) problems.push(`${where}.id must start with "${pluginId}/"`);
      if (seen.has(rule['id'])) problems.push(`${where}.id "${rule['id']}" is used twice`);
      seen.add(rule['id']);
    }
    needString(problems, rule['description'], `${where}.description`);
    if (typeof rule['check'] !== 'function') problems.push(`${where}.check must be a function`);
  });
}

function checkBuilders(problems: Problems, builders: unknown, pluginId: string): void {
  if (builders === undefined) return;
  if (!isObject(builders)) return void problems.push('builders must be an object');
  needString(problems, builders['ruleId'], 'builders.ruleId');
  if (typeof builders['ruleId'] === 'string' && !builders['ruleId'].startsWith(`${pluginId}/`)) problems.push(`builders.ruleId must start with "${pluginId}/"`);
  needString(problems, builders['description'], 'builders.description');
  const names = builders['builders'];
  if (!Array.isArray(names) || names.length === 0 || !names.every((name) => typeof name === 'string' && name.length > 0))
    problems.push('builders.builders must be a non-empty array of names');
  if (typeof builders['check'] !== 'function') problems.push('builders.check must be a function');
}

function checkAuth(problems: Problems, auth: unknown): void {
  if (auth === undefined) return;
  if (!isObject(auth)) return void problems.push('auth must be an object');
  needString(problems, auth['displayName'], 'auth.displayName');
  if (typeof auth['run'] !== 'function') problems.push('auth.run must be a function');
  const credentials = auth['credentials'];
  if (!Array.isArray(credentials)) problems.push('auth.credentials must be an array');
  else
    credentials.forEach((field, index) => {
      const where = `auth.credentials[${index}]`;
      if (!isObject(field)) return void problems.push(`${where} must be an object`);
      needString(problems, field['key'], `${where}.key`);
      needString(problems, field['label'], `${where}.label`);
      needString(problems, field['flag'], `${where}.flag`, FLAG);
      needString(problems, field['env'], `${where}.env`, ENV);
      if (typeof field['secret'] !== 'boolean') problems.push(`${where}.secret must be a boolean`);
    });
  const hosts = auth['hosts'];
  if (!isObject(hosts)) problems.push('auth.hosts must be an object with auth and api');
  else
    for (const name of ['auth', 'api']) {
      const host = hosts[name];
      if (!isObject(host)) {
        problems.push(`auth.hosts.${name} must be an object`);
        continue;
      }
      needUrl(problems, host['default'], `auth.hosts.${name}.default`);
      needString(problems, host['env'], `auth.hosts.${name}.env`, ENV);
    }
  const flows = auth['flows'];
  if (!Array.isArray(flows) || flows.length === 0) return void problems.push('auth.flows must be a non-empty array');
  const ids = new Set<string>();
  let defaults = 0;
  flows.forEach((flow, index) => {
    const where = `auth.flows[${index}]`;
    if (!isObject(flow)) return void problems.push(`${where} must be an object`);
    needString(problems, flow['id'], `${where}.id`, ID);
    if (typeof flow['id'] === 'string' && ids.has(flow['id'])) problems.push(`${where}.id "${flow['id']}" is used twice`);
    ids.add(String(flow['id']));
    if (!FLOW_KINDS.includes(String(flow['kind']))) problems.push(`${where}.kind must be one of ${FLOW_KINDS.join(', ')}`);
    if (flow['default'] === true) {
      defaults++;
      if (flow['kind'] !== 'authorize') problems.push(`${where} is the default but not an authorize flow`);
    }
    const inputs = flow['inputs'];
    if (inputs !== undefined && !Array.isArray(inputs)) problems.push(`${where}.inputs must be an array`);
    if (Array.isArray(inputs))
      inputs.forEach((input, inputIndex) => {
        const at = `${where}.inputs[${inputIndex}]`;
        if (!isObject(input)) return void problems.push(`${at} must be an object`);
        needString(problems, input['name'], `${at}.name`);
        needString(problems, input['flag'], `${at}.flag`, FLAG);
        if (typeof input['secret'] !== 'boolean') problems.push(`${at}.secret must be a boolean`);
      });
  });
  if (defaults > 1) problems.push('auth.flows has more than one default flow');
  if (!flows.some((flow) => isObject(flow) && flow['kind'] === 'authorize')) problems.push('auth.flows needs at least one authorize flow');
}

/**
 * Every way `value` falls short of the {@link Plugin} shape, as short phrases (`meta.id must be a
 * non-empty string`). Empty when it is a valid plugin of this API version.
 */
export function pluginProblems(value: unknown): string[] {
  const problems: Problems = [];
  if (!isObject(value)) return ['it does not export a plugin object (export it as default, or as `plugin`)'];
  if (value['apiVersion'] !== PLUGIN_API_VERSION) {
    const version = value['apiVersion'];
    problems.push(
      typeof version === 'number'
        ? `it targets plugin API version ${version}, but this pmm-config implements version ${PLUGIN_API_VERSION}${
            version > PLUGIN_API_VERSION ? ' (update pmm-config)' : ' (update the plugin)'
          }`
        : `apiVersion must be ${PLUGIN_API_VERSION}`,
    );
    return problems;
  }
  const meta = value['meta'];
  if (!isObject(meta)) problems.push('meta must be an object with id and name');
  else {
    needString(problems, meta['id'], 'meta.id', ID);
    needString(problems, meta['name'], 'meta.name');
  }
  needString(problems, value['configKey'], 'configKey');
  const pluginId = isObject(meta) && typeof meta['id'] === 'string' ? meta['id'] : '?';
  checkRules(problems, value['rules'], pluginId);
  checkAuth(problems, value['auth']);
  checkBuilders(problems, value['builders'], pluginId);
  return problems;
}

/** Narrows to {@link Plugin} when {@link pluginProblems} finds nothing. */
export function isPlugin(value: unknown): value is Plugin {
  return pluginProblems(value).length === 0;
}
