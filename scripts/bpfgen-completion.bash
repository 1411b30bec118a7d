# bash completion for bpfgen: subcommands, options, rule ids, program types.
_bpfgen() {
	local cur prev cmd words
	cur=${COMP_WORDS[COMP_CWORD]}
	prev=${COMP_WORDS[COMP_CWORD - 1]}
	cmd=${COMP_WORDS[1]}
	if [ "$COMP_CWORD" = 1 ]; then
		mapfile -t COMPREPLY < <(compgen -W "cache cc check gen lsp new probe verify --help --version" -- "$cur")
		return
	fi
	case "$cmd:$prev" in
	check:--format) words="text json sarif" ;;
	probe:--format) words="text json c" ;;
	verify:--format) words="text json" ;;
	new:--type)
		words="xdp classifier socket_filter cgroup_skb cgroup_sock cgroup_sock_addr
		       cgroup_sockopt cgroup_sysctl cgroup_device sock_ops sk_msg sk_skb sk_lookup
		       kprobe kretprobe uprobe uretprobe tracepoint raw_tracepoint tp_btf fentry
		       fexit lsm perf_event" ;;
	check:-p | check:--cache | lsp:--cache | new:--dir)
		mapfile -t COMPREPLY < <(compgen -d -- "$cur")
		return ;;
	*:--btf | *:--kernel-table | *:--types | *:-o)
		mapfile -t COMPREPLY < <(compgen -f -- "$cur")
		return ;;
	esac
	if [ -z "$words" ] && [[ $cur == -* ]]; then
		case "$cmd" in
		check)
			words="--format --btf --kernel-table --cache --no-cache -p -j --jobs --stats --list-rules -Werror --help"
			# -W and -Wno- for every rule bpfgen knows
			words+=" $(bpfgen check --list-rules 2>/dev/null |
				awk 'NR > 1 { printf "-W%s -Wno-%s ", $1, $1 }')" ;;
		cache) words="--help" ;;
		gen) words="-n --types -o --help" ;;
		lsp) words="--cache --no-cache --btf -v --help" ;;
		new) words="--type --dir --help" ;;
		probe) words="--format --kernel-table --builtin -v --help" ;;
		verify) words="--format -v --help" ;;
		esac
	fi
	if [ -n "$words" ]; then
		mapfile -t COMPREPLY < <(compgen -W "$words" -- "$cur")
	else
		mapfile -t COMPREPLY < <(compgen -f -- "$cur")
	fi
}
complete -F _bpfgen bpfgen
