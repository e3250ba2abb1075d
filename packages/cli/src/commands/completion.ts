import type { CommandBody, CommandContext } from '../command-context';

/** Shells `pmm-config completion` writes scripts for. */
export const COMPLETION_SHELLS = ['bash', 'zsh', 'fish'] as const;
type Shell = (typeof COMPLETION_SHELLS)[number];

/*
 * Each script asks the CLI itself for candidates through yargs' hidden `--get-yargs-completions` flag, so
 * commands, options and choices never go stale. `SHELL=…` tells yargs which answer format to use; with
 * no candidate, the shell falls back to file names.
 */
const SCRIPTS: Record<Shell, string> = {
  bash: `# pmm-config completion for bash. Install: pmm-config completion bash >> ~/.bashrc
_pmm_config_completions() {
  local IFS=$'\\n' candidates
  candidates=$(SHELL=bash pmm-config --get-yargs-completions "\${COMP_WORDS[@]:0:COMP_CWORD+1}" 2>/dev/null)
  COMPREPLY=($(compgen -W "$candidates" -- "\${COMP_WORDS[COMP_CWORD]}"))
}
complete -o bashdefault -o default -F _pmm_config_completions pmm-config
`,
  zsh: `#compdef pmm-config
# pmm-config completion for zsh. Install: pmm-config completion zsh >> ~/.zshrc
_pmm_config() {
  local -a candidates
  candidates=("\${(@f)$(SHELL=zsh pmm-config --get-yargs-completions "\${words[@]:0:$CURRENT}" 2>/dev/null)}")
  candidates=(\${candidates:#})
  if (( \${#candidates} )); then
    _describe 'pmm-config' candidates
  else
    _files
  fi
}
compdef _pmm_config pmm-config
`,
  fish: `# pmm-config completion for fish. Install: pmm-config completion fish > ~/.config/fish/completions/pmm-config.fish
function __pmm_config_complete
    set -l tokens (commandline -opc) (commandline -ct)
    SHELL=fish pmm-config --get-yargs-completions $tokens 2>/dev/null
end
complete -c pmm-config -a '(__pmm_config_complete)'
`,
};

function shellFromEnv(shell: string | undefined): Shell {
  const name = (shell ?? '').split('/').pop() ?? '';
  return (COMPLETION_SHELLS as readonly string[]).includes(name) ? (name as Shell) : 'bash';
}

interface CompletionArgs {
  readonly shell?: Shell;
}

/** `pmm-config completion [shell]`: print a completion script for bash, zsh or fish. */
export function completionCommand(context: CommandContext): CommandBody<CompletionArgs> {
  return {
    builder: (yargs) =>
      yargs
        .positional('shell', { describe: 'the shell; default: the one in $SHELL, else bash', choices: COMPLETION_SHELLS })
        .example('$0 completion bash >> ~/.bashrc', 'complete commands, options and values in bash')
        .example('$0 completion fish > ~/.config/fish/completions/pmm-config.fish', 'the same for fish'),
    handler: (args) => {
      context.io.writeStdout(SCRIPTS[args.shell ?? shellFromEnv(context.io.env['SHELL'])]);
    },
  };
}
