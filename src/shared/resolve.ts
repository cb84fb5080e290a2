/** Resolving configuration layers against the rules: what analysis needs, kept apart from finding the files. */
import { resolveConfig, type ConfigLayer, type ConfigProblem, type ResolvedConfig } from '../core/config';
import { defaults, rules } from '../core/index';

/**
 * A configuration from layers already read (the server's worker gets the
 * layers the main thread found), resolved once per distinct set, so analyze()
 * plans the rules once per configuration.
 */
const resolvedLayers = new Map<string, { config: ResolvedConfig; problems: ConfigProblem[] }>();
export function resolveLayers(layers: readonly ConfigLayer[]): { config: ResolvedConfig; problems: ConfigProblem[] } {
  if (layers.length === 0) return { config: defaults(), problems: [] };
  const key = JSON.stringify(layers);
  let hit = resolvedLayers.get(key);
  if (!hit) {
    hit = resolveConfig(rules, layers);
    if (resolvedLayers.size > 64) resolvedLayers.clear();
    resolvedLayers.set(key, hit);
  }
  return hit;
}

