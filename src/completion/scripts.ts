// Completion scripts for bash, zsh and fish, rendered from the command tree (spec.ts). The
// tree, the flags and the closed vocabularies are written into the script; names and ids are
// asked of `vetted __complete <kind> <prefix>` as the user types, so they are always current.

import type { CommandSpec } from './spec.js';
import type { Values } from './values.js';
import { t as catalog } from '../i18n/index.js';

/** A value spec in the scripts' own notation: `w:<words>`, `d:<kind>`, `df:<kind>` (and files), `f`, or '' (free text). */
function code(v: Values | undefined): string {
  if (!v) return '';
  if ('words' in v) return `w:${v.words.join(' ')}`;
  if ('dynamic' in v) return `${v.files ? 'df' : 'd'}:${v.dynamic}`;
  return 'f';
}

/** A word for a single-quoted shell string. */
const sq = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
const key = (path: string[], ...more: string[]) => ['vetted', ...path, ...more].join(' ');
const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

interface Tables {
  subs: [string, string][];
  flags: [string, string][];
  values: [string, string][];
  args: [string, string][];
  variadic: [string, string][];
}

function tables(spec: CommandSpec[]): Tables {
  const t: Tables = { subs: [], flags: [], values: [], args: [], variadic: [] };
  for (const c of spec) {
    if (c.subcommands.length) t.subs.push([key(c.path), c.subcommands.map((s) => s.name).join(' ')]);
    t.flags.push([key(c.path), c.flags.flatMap((f) => f.names.filter((n) => n.startsWith('--'))).join(' ')]);
    for (const f of c.flags) if (f.takesValue) for (const n of f.names) t.values.push([key(c.path, n), code(f.values)]);
    c.args.forEach((a, i) => t.args.push([key(c.path, String(i)), code(a.values)]));
    const last = c.args.length - 1;
    if (last >= 0 && c.args[last].variadic) t.variadic.push([key(c.path), String(last)]);
  }
  return t;
}

const assoc = (shellName: string, declare: string, rows: [string, string][]) =>
  `${declare} ${shellName}=(\n${rows.map(([k, v]) => `  [${sq(k)}]=${sq(v)}`).join('\n')}\n)`;

export function renderBash(spec: CommandSpec[]): string {
  const t = tables(spec);
  return `# bash completion for vetted, printed by \`vetted completion bash\` from its command tree.
# Install: vetted completion bash > ~/.local/share/bash-completion/completions/vetted
# (or add \`source <(vetted completion bash)\` to ~/.bashrc). Needs bash 4.2 or newer.

${assoc('__vetted_subs', 'declare -gA', t.subs)}
${assoc('__vetted_flags', 'declare -gA', t.flags)}
${assoc('__vetted_value', 'declare -gA', t.values)}
${assoc('__vetted_arg', 'declare -gA', t.args)}
${assoc('__vetted_variadic', 'declare -gA', t.variadic)}

# What was typed, read as the shell reads a word: 'Some Sh', "Some Sh", Some\\ Sh and $'Some Sh'
# are Some Sh; a quote still open runs to the end. Read character by character, never
# evaluated: a $(…), a \`…\` or a $NAME in it stays as it was typed, and runs nothing.
__vetted_dequote() {
  local s=$1 out='' q='' i c d n=\${#1}
  for ((i = 0; i < n; i++)); do
    c=\${s:i:1}
    if [[ $q == "'" ]]; then
      # Inside '…' every character is itself, to the closing quote.
      [[ $c == "'" ]] && q='' || out+=$c
    elif [[ $c == '\\' ]] && ((i + 1 < n)) && [[ $q == '"' ]]; then
      # Inside "…" a backslash quotes only $ \` " \\ and a line break; before any other it stays.
      i=$((i + 1)); c=\${s:i:1}
      case $c in
        [\\$\\\`\\"\\\\]) out+=$c ;;
        $'\\n') ;;
        *) out+="\\\\$c" ;;
      esac
    elif [[ $c == '\\' ]] && ((i + 1 < n)) && [[ $q == '$' ]]; then
      # Inside $'…' a backslash begins an escape as C writes it.
      i=$((i + 1)); c=\${s:i:1}
      case $c in
        a) out+=$'\\a' ;; b) out+=$'\\b' ;; e | E) out+=$'\\e' ;; f) out+=$'\\f' ;; n) out+=$'\\n' ;;
        r) out+=$'\\r' ;; t) out+=$'\\t' ;; v) out+=$'\\v' ;; [\\\\\\'\\"?]) out+=$c ;;
        [0-7] | x | u | U)
          # A character by its number: up to 3 octal digits, or 2, 4 or 8 hex ones after x, u or U.
          case $c in
            x) [[ \${s:i+1:2} =~ ^[[:xdigit:]]+ ]] ;;
            u) [[ \${s:i+1:4} =~ ^[[:xdigit:]]+ ]] ;;
            U) [[ \${s:i+1:8} =~ ^[[:xdigit:]]+ ]] ;;
            *) [[ \${s:i+1:2} =~ ^[0-7]* ]] ;;
          esac
          d=\${BASH_REMATCH[0]}
          if [[ $c == [0-7] ]]; then printf -v d '%b' "\\\\0$c$d"; i=$((i + \${#BASH_REMATCH[0]}))
          elif [[ -n $d ]]; then i=$((i + \${#d})); printf -v d '%b' "\\\\$c$d"
          else d="\\\\$c"; fi
          out+=$d
          ;;
        *) out+="\\\\$c" ;;
      esac
    elif [[ $q == '"' ]]; then
      [[ $c == '"' ]] && q='' || out+=$c
    elif [[ -n $q ]]; then
      [[ $c == "'" ]] && q='' || out+=$c
    else
      case $c in
        \\' | \\") q=$c ;;
        '\\') i=$((i + 1)); [[ \${s:i:1} == $'\\n' ]] || out+=\${s:i:1} ;;
        # $'…' and $"…" (a translated string, read as "…").
        '$') case \${s:i+1:1} in \\') q='$' i=$((i + 1)) ;; \\") q='"' i=$((i + 1)) ;; *) out+=$c ;; esac ;;
        *) out+=$c ;;
      esac
    fi
  done
  printf '%s' "$out"
}

# Adds candidates to COMPREPLY as the shell must read them back, for the word as it was begun
# (raw, first): after an opening ' or ", what is special there is escaped (readline closes the
# quote); unquoted, a blank or a character special to the shell is escaped with a backslash. Not
# left to readline's own quoting, which leaves $ and backquotes in a name as they are: a name
# from someone else's file would run as a command when the line is entered.
__vetted_reply() {
  local raw=$1 n out i c special=$' \\t!"$&\\'()*;<>?[\\\\]^\`{|}'
  shift
  for n; do
    case $raw in
      # (Readline closes the quote after a candidate, unless it ends with that quote already:
      # a name ending with one is closed here.)
      \\'*) [[ $n == *\\' ]] && n=\${n//\\'/\\'\\\\\\'\\'}\\' || n=\${n//\\'/\\'\\\\\\'\\'} ;;
      # (A ! is history expansion inside double quotes too: the quote is closed around it.)
      \\"*)
        n=\${n//\\\\/\\\\\\\\}; n=\${n//\\$/\\\\\\$}; n=\${n//\\\`/\\\\\\\`}; n=\${n//\\"/\\\\\\"}; n=\${n//!/\\"\\\\!\\"}
        [[ $n == *\\" ]] && n+=\\"
        ;;
      *)
        # Each special character escaped, as bash escapes a file name (printf %q would write a
        # name in another script as $'\\320…' where the locale is not UTF-8).
        if [[ $n == *["$special"]* ]]; then
          out=''
          for ((i = 0; i < \${#n}; i++)); do
            c=\${n:i:1}
            [[ $c == ["$special"] ]] && out+=\\\\
            out+=$c
          done
          n=$out
        fi
        # A # or ~ is special only where a word begins.
        [[ $n == [#~]* ]] && n=\\\\$n
        ;;
    esac
    COMPREPLY+=("$n")
  done
}

# Completes one value from its spec (see \`vetted completion bash\`): words, names from the
# database (asked of \`vetted __complete\`, which never writes), or file names. Candidates are
# read a line each (mapfile): never split at blanks, nor expanded as patterns.
__vetted_values() {
  local spec=$1 cur=$2 db=$3 raw=$4 found=()
  case $spec in
    w:*) COMPREPLY=($(compgen -W "\${spec#w:}" -- "$cur")) ;;
    d:*)
      # "bash": names that match only in another case come beginning as typed (readline would
      # put their common beginning as spelt in place of what was typed).
      mapfile -t found < <(VETTED_DB=\${db:-$VETTED_DB} command vetted __complete "\${spec#*:}" "$cur" bash 2>/dev/null)
      __vetted_reply "$raw" "\${found[@]}"
      # An incident's id and its # are the beginning of an event's id: the number follows, no blank.
      [[ \${#COMPREPLY[@]} -eq 1 && \${COMPREPLY[0]} == *'#' ]] && compopt -o nospace 2>/dev/null
      ;;
    df:*)
      # Ids of plain words (a checklist's) or file names: readline quotes them as file names,
      # and marks a folder with its slash.
      compopt -o filenames 2>/dev/null
      mapfile -t COMPREPLY < <(VETTED_DB=\${db:-$VETTED_DB} command vetted __complete "\${spec#*:}" "$cur" bash 2>/dev/null)
      mapfile -t -O \${#COMPREPLY[@]} COMPREPLY < <(compgen -f -- "$cur")
      ;;
    f)
      compopt -o filenames 2>/dev/null
      mapfile -t COMPREPLY < <(compgen -f -- "$cur")
      ;;
  esac
}

_vetted() {
  COMPREPLY=()
  local cword=$COMP_CWORD cmd_path=vetted w i n=0 skip='' db=''
  # The word as typed, its opening quote too (bash gives it as $2 without).
  local cur raw=\${COMP_WORDS[cword]}
  cur=$(__vetted_dequote "\${2-$raw}")
  [[ $cur == '=' ]] && cur='' raw=''
  for ((i = 1; i < cword; i++)); do
    w=\${COMP_WORDS[i]}
    if [[ -n $skip ]]; then
      if [[ $skip == db ]]; then
        db=$(__vetted_dequote "$w")
        # A ~ that begins the word, unquoted, is the home folder.
        [[ $w == '~' || $w == '~/'* ]] && db=$HOME\${db:1}
      fi
      skip=''
      continue
    fi
    if [[ $w == '=' ]]; then skip=1; [[ \${COMP_WORDS[i-1]} == --db ]] && skip=db; continue; fi
    if [[ $w == -?* ]]; then
      if [[ -n \${__vetted_value["$cmd_path $w"]+set} && \${COMP_WORDS[i+1]} != '=' ]]; then
        skip=1
        [[ $w == --db ]] && skip=db
      fi
      continue
    fi
    if [[ $n == 0 && " \${__vetted_subs[$cmd_path]} " == *" $w "* ]]; then
      cmd_path+=" $w"
    else
      n=$((n + 1))
    fi
  done
  # The value of a flag: --flag VALUE, or --flag=VALUE.
  local flag=''
  if [[ \${COMP_WORDS[cword]} == '=' ]]; then
    flag=\${COMP_WORDS[cword-1]}
  elif [[ \${COMP_WORDS[cword-1]} == '=' ]]; then
    flag=\${COMP_WORDS[cword-2]}
  elif ((cword > 1)) && [[ \${COMP_WORDS[cword-1]} == -?* ]]; then
    flag=\${COMP_WORDS[cword-1]}
  fi
  if [[ -n $flag && -n \${__vetted_value["$cmd_path $flag"]+set} ]]; then
    __vetted_values "\${__vetted_value["$cmd_path $flag"]}" "$cur" "$db" "$raw"
    return 0
  fi
  if [[ $cur == -* ]]; then
    COMPREPLY=($(compgen -W "\${__vetted_flags[$cmd_path]}" -- "$cur"))
    return 0
  fi
  if [[ $n == 0 && -n \${__vetted_subs[$cmd_path]} ]]; then
    COMPREPLY=($(compgen -W "\${__vetted_subs[$cmd_path]}" -- "$cur"))
    return 0
  fi
  local v=\${__vetted_variadic[$cmd_path]}
  [[ -n $v ]] && ((n > v)) && n=$v
  __vetted_values "\${__vetted_arg["$cmd_path $n"]}" "$cur" "$db" "$raw"
  return 0
}

complete -F _vetted vetted
`;
}

export function renderZsh(spec: CommandSpec[]): string {
  const t = tables(spec);
  const describe = (rows: [string, string][]) => rows.map(([k, v]) => `  [${sq(k)}]=${sq(v)}`).join('\n');
  const subDescriptions: [string, string][] = spec.flatMap((c) => c.subcommands.map((s) => [key(c.path, s.name), oneLine(s.description)] as [string, string]));
  const flagDescriptions: [string, string][] = spec.flatMap((c) =>
    c.flags.flatMap((f) => f.names.filter((n) => n.startsWith('--')).map((n) => [key(c.path, n), oneLine(f.description)] as [string, string])),
  );
  return `#compdef vetted
# zsh completion for vetted, printed by \`vetted completion zsh\` from its command tree.
# Install: vetted completion zsh > ~/.zfunc/_vetted, with fpath+=(~/.zfunc) before compinit
# in ~/.zshrc (or add \`source <(vetted completion zsh)\` after compinit).

${assoc('__vetted_subs', 'typeset -gA', t.subs)}
${assoc('__vetted_flags', 'typeset -gA', t.flags)}
${assoc('__vetted_value', 'typeset -gA', t.values)}
${assoc('__vetted_arg', 'typeset -gA', t.args)}
${assoc('__vetted_variadic', 'typeset -gA', t.variadic)}
typeset -gA __vetted_describe=(
${describe([...subDescriptions, ...flagDescriptions])}
)

__vetted_values() {
  local spec=$1 cur=$2 db=$3
  local -a found
  case $spec in
    w:*) compadd -- \${=\${spec#w:}} ;;
    d:* | df:*)
      found=("\${(@f)$(VETTED_DB=\${db:-$VETTED_DB} command vetted __complete \${spec#*:} "$cur" zsh 2>/dev/null)}")
      found=(\${found:#})
      # (An incident's id and its # begin an event's id: the number follows, no blank.)
      (( \${#\${(M)found:#*\\#}} )) && compadd -U -S '' -- "\${(M)found[@]:#*\\#}"
      found=(\${found:#*\\#})
      (( \${#found} )) && compadd -U -- "\${found[@]}"
      [[ $spec == df:* ]] && _files
      ;;
    f) _files ;;
  esac
}

__vetted_listed() {
  local cmd_path=$1 word
  local -a items
  for word in \${=2}; do items+=("\${word//:/\\\\:}:\${__vetted_describe[$cmd_path $word]}"); done
  _describe -t vetted "$3" items
}

_vetted() {
  local cmd_path=vetted w i n=0 skip='' db=''
  # What was typed of the current word, its quotes taken off by the completion system.
  local cur=$PREFIX
  for ((i = 2; i < CURRENT; i++)); do
    w=\${words[i]}
    if [[ -n $skip ]]; then
      [[ $skip == db ]] && db=\${~\${(Q)w}}
      skip=''
      continue
    fi
    if [[ $w == --*=* ]]; then continue; fi
    if [[ $w == -?* ]]; then
      if (( \${+__vetted_value[$cmd_path $w]} )); then skip=1; [[ $w == --db ]] && skip=db; fi
      continue
    fi
    if (( n == 0 )) && [[ " \${__vetted_subs[$cmd_path]} " == *" $w "* ]]; then
      cmd_path+=" $w"
    else
      (( n++ ))
    fi
  done
  local flag=''
  if [[ $cur == --*=* ]]; then
    flag=\${cur%%=*}
    compset -P '*='
    cur=\${cur#*=}
  elif (( CURRENT > 2 )) && [[ \${words[CURRENT-1]} == -?* ]]; then
    flag=\${words[CURRENT-1]}
  fi
  if [[ -n $flag ]] && (( \${+__vetted_value[$cmd_path $flag]} )); then
    __vetted_values "\${__vetted_value[$cmd_path $flag]}" "$cur" "$db"
    return
  fi
  if [[ $cur == -* ]]; then
    __vetted_listed "$cmd_path" "\${__vetted_flags[$cmd_path]}" ${sq(catalog().completion.groups.flag)}
    return
  fi
  if (( n == 0 )) && [[ -n \${__vetted_subs[$cmd_path]} ]]; then
    __vetted_listed "$cmd_path" "\${__vetted_subs[$cmd_path]}" ${sq(catalog().completion.groups.command)}
    return
  fi
  local v=\${__vetted_variadic[$cmd_path]}
  [[ -n $v ]] && (( n > v )) && n=$v
  __vetted_values "\${__vetted_arg[$cmd_path $n]}" "$cur" "$db"
}

if [[ $zsh_eval_context[-1] == loadautofunc ]]; then
  _vetted "$@"
else
  compdef _vetted vetted
fi
`;
}

/** How fish completes the value of a flag: its words, names asked of vetted, files, or free text. */
function fishValues(takesValue: boolean, v: Values | undefined): string {
  if (!takesValue) return ' -f';
  if (!v) return ' -x';
  if ('words' in v) return ` -x -a ${sq(v.words.join(' '))}`;
  if ('dynamic' in v) return ` -x -a ${sq(`(__vetted_complete_values ${code(v)} (commandline -ct) (__vetted_state)[3])`)}`;
  return ' -r -F';
}

export function renderFish(spec: CommandSpec[]): string {
  const t = tables(spec);
  const list = (name: string, rows: [string, string][]) => `set -g ${name} ${rows.map(([k, v]) => sq(`${k}\t${v}`)).join(' \\\n  ')}`;
  const lines: string[] = [];
  for (const c of spec) {
    const at = sq(key(c.path));
    for (const s of c.subcommands) lines.push(`complete -c vetted -f -n "__vetted_at ${at} 0" -a ${sq(s.name)} -d ${sq(oneLine(s.description))}`);
    for (const f of c.flags) {
      const names = f.names.map((n) => (n.startsWith('--') ? `-l ${sq(n.slice(2))}` : `-s ${sq(n.slice(1))}`)).join(' ');
      lines.push(`complete -c vetted -n "__vetted_at ${at}" ${names}${fishValues(f.takesValue, f.values)} -d ${sq(oneLine(f.description))}`);
    }
  }
  return `# fish completion for vetted, printed by \`vetted completion fish\` from its command tree.
# Install: vetted completion fish > ~/.config/fish/completions/vetted.fish

${list('__vetted_subs', t.subs)}
${list('__vetted_value', t.values)}
${list('__vetted_arg', t.args)}
${list('__vetted_variadic', t.variadic)}

# Looks a key up in one of the tables above.
function __vetted_get --argument-names table k
    for row in $$table
        set -l parts (string split -m 1 \\t -- $row)
        if test "$parts[1]" = "$k"
            printf '%s\\n' "$parts[2]"
            return 0
        end
    end
    return 1
end

# The command path typed so far, the number of arguments after it, and the --db given.
function __vetted_state
    set -l tokens (commandline -opc)
    set -l cmd_path vetted
    set -l n 0
    set -l skip ''
    set -l db ''
    for w in $tokens[2..-1]
        if test -n "$skip"
            test "$skip" = db; and set db $w
            set skip ''
            continue
        end
        if string match -q -- '--*=*' $w
            continue
        end
        if string match -q -- '-?*' $w
            if __vetted_get __vetted_value "$cmd_path $w" >/dev/null
                set skip 1
                test "$w" = --db; and set skip db
            end
            continue
        end
        set -l subs (string split ' ' -- (__vetted_get __vetted_subs "$cmd_path"))
        if test $n -eq 0; and contains -- $w $subs
            set cmd_path "$cmd_path $w"
        else
            set n (math $n + 1)
        end
    end
    printf '%s\\n' $cmd_path $n $db
end

# True at the command path; with a second argument, only before any argument.
function __vetted_at --argument-names at before
    set -l state (__vetted_state)
    test "$state[1]" = "$at"; or return 1
    test -z "$before"; or test $state[2] -eq 0
end

function __vetted_complete_values --argument-names spec cur db
    set cur (string replace -r -- '^--[^=]*=' '' $cur)
    # The word as typed, its quotes and backslashes taken away ("Am, Q\\ C): vetted is asked for the text.
    set cur (string unescape -- $cur; or printf '%s\\n' $cur)
    switch $spec
        case 'w:*'
            string split ' ' -- (string sub -s 3 -- $spec)
        case 'd:*' 'df:*'
            set -l kind (string replace -r '^[a-z]+:' '' -- $spec)
            if test -n "$db"
                VETTED_DB=$db command vetted __complete $kind "$cur" fish 2>/dev/null
            else
                command vetted __complete $kind "$cur" fish 2>/dev/null
            end
            string match -q 'df:*' -- $spec; and __fish_complete_path $cur
        case f
            __fish_complete_path $cur
    end
end

# The values of the argument at the cursor (those of flags are given with each flag).
function __vetted_values_here
    set -l state (__vetted_state)
    set -l cur (commandline -ct)
    __vetted_get __vetted_value "$state[1] "(commandline -opc)[-1] >/dev/null; and return
    string match -q -- '-*' $cur; and return
    if test $state[2] -eq 0; and __vetted_get __vetted_subs "$state[1]" >/dev/null
        return
    end
    set -l n $state[2]
    set -l v (__vetted_get __vetted_variadic "$state[1]")
    and test $n -gt $v; and set n $v
    __vetted_complete_values (__vetted_get __vetted_arg "$state[1] $n") "$cur" "$state[3]"
end

complete -c vetted -e
complete -c vetted -f
${lines.join('\n')}
complete -c vetted -f -a '(__vetted_values_here)'
`;
}

export const RENDERERS = { bash: renderBash, zsh: renderZsh, fish: renderFish } as const;
