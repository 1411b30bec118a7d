#!/usr/bin/env bash
# tests/kernel/vm/run.sh: boot Debian's Linux 6.1 cloud kernel under qemu
# (TCG: no KVM is needed) with a busybox initramfs, and in it
#   - run `bpfgen probe` (vmprobe: the same code, linked statically) for the
#     kernel table of 6.1,
#   - copy out the kernel's BTF (/sys/kernel/btf/vmlinux),
#   - load every file of the checker corpus (tests/check/{good,bad}) with the
#     static build of tests/kernel/loader.c.
#
# usage: run.sh --probe VMPROBE --loader LOADER --vmlinux-dir DIR --out DIR
#               [--timeout SECONDS] [--kernel VMLINUZ]
#
# OUT receives probe.json (the table, as `bpfgen probe --format json`),
# kernel_linux_6_1.c (--format c), vmlinux.btf, loads.tsv (FILE, loader exit,
# first line of its error), loads/FILE.out (the loader's whole output),
# console.log and times.txt. The kernel comes from /boot when installed there,
# else from the Debian package linux-image-cloud-amd64, downloaded (not
# installed) into $BPFGEN_VM_CACHE (default ~/.cache/bpfgen/vm).
#
# Exit: 0 ran, 77 cannot run here (qemu, busybox-static or the kernel package
# is missing: the reason is printed), 1 the VM did not finish, 2 usage.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
tests=$(cd "$here/../.." && pwd)
probe='' loader='' vmlinux_dir='' out='' timeout=1200 kernel=''
while [ $# -gt 0 ]; do
	case $1 in
	--probe) probe=$2; shift 2 ;;
	--loader) loader=$2; shift 2 ;;
	--vmlinux-dir) vmlinux_dir=$2; shift 2 ;;
	--out) out=$2; shift 2 ;;
	--timeout) timeout=$2; shift 2 ;;
	--kernel) kernel=$2; shift 2 ;;
	*) echo "usage: $0 --probe VMPROBE --loader LOADER --vmlinux-dir DIR --out DIR" \
		"[--timeout S] [--kernel VMLINUZ]" >&2; exit 2 ;;
	esac
done
[ -n "$out" ] && [ -n "$vmlinux_dir" ] || { echo "run.sh: --out and --vmlinux-dir are needed" >&2; exit 2; }

skip() {
	echo "SKIP: $*"
	exit 77
}

qemu=$(command -v qemu-system-x86_64 || true)
[ -n "$qemu" ] || skip "qemu-system-x86_64 is not installed (apt-get install qemu-system-x86)"
busybox=$(command -v busybox || true)
# ldd fails on a static executable
[ -n "$busybox" ] && ! ldd "$busybox" > /dev/null 2>&1 ||
	skip "no static busybox (apt-get install busybox-static)"
[ -n "$probe" ] && [ -x "$probe" ] && [ -n "$loader" ] && [ -x "$loader" ] ||
	skip "the static vm_probe and vm_loader were not built (libbpf.a, libelf.a and libz.a are needed)"

# the kernel: /boot, else the Debian package, downloaded into the cache
if [ -z "$kernel" ]; then
	kernel=$(ls /boot/vmlinuz-6.1.*-cloud-amd64 2>/dev/null | sort -V | tail -n1 || true)
fi
if [ -z "$kernel" ]; then
	cache=${BPFGEN_VM_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/bpfgen/vm}
	mkdir -p "$cache"
	kernel=$(ls "$cache"/boot/vmlinuz-6.1.*-cloud-amd64 2>/dev/null | sort -V | tail -n1 || true)
	if [ -z "$kernel" ]; then
		pkg=$(apt-cache depends linux-image-cloud-amd64 2>/dev/null |
			awk '/Depends: linux-image-6\.1/ { print $2; exit }')
		[ -n "$pkg" ] || skip "apt knows no linux-image-cloud-amd64 (Debian 12's 6.1 cloud kernel)"
		(cd "$cache" && apt-get download -q "$pkg" > download.log 2>&1) ||
			skip "apt-get download $pkg failed: $(tail -n1 "$cache/download.log")"
		dpkg-deb -x "$cache/${pkg}"_*.deb "$cache/pkg"
		mkdir -p "$cache/boot"
		cp "$cache"/pkg/boot/vmlinuz-* "$cache/boot/"
		rm -rf "$cache/pkg" "$cache/${pkg}"_*.deb
		kernel=$(ls "$cache"/boot/vmlinuz-6.1.*-cloud-amd64 | sort -V | tail -n1)
	fi
fi
[ -r "$kernel" ] || skip "cannot read the kernel image $kernel"

mkdir -p "$out"
out=$(cd "$out" && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/bpfgen-vm.XXXXXX")
trap 'rm -rf "$work"' EXIT
t0=$(date +%s.%N)

# the corpus, compiled here as tests/kernel/load_one.sh compiles it
multiarch=$(gcc -print-multiarch 2>/dev/null || echo x86_64-linux-gnu)
root=$work/root
mkdir -p "$root"/{bin,proc,sys,dev,objs,tmp}
ncorpus=0
for f in "$tests"/check/good/*.c "$tests"/check/bad/*.c; do
	grep -qE '^//[[:space:]]*kernel:' "$f" || continue
	name=$(basename "$(dirname "$f")")_$(basename "$f" .c)
	clang -O2 -g -target bpf -D__TARGET_ARCH_x86 -I "$vmlinux_dir" -I "$tests/../headers" \
		-idirafter "/usr/include/$multiarch" -c "$f" -o "$root/objs/$name.o" 2> /dev/null ||
		{ rm -f "$root/objs/$name.o"; continue; }
	ncorpus=$((ncorpus + 1))
done
t1=$(date +%s.%N)

cp "$busybox" "$root/bin/busybox"
cp "$probe" "$root/bin/vmprobe"
cp "$loader" "$root/bin/loader"
cat > "$root/init" <<'INIT'
#!/bin/busybox sh
/bin/busybox --install -s /bin
mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev
mount -t tracefs tracefs /sys/kernel/tracing 2> /dev/null
mount -t bpf bpf /sys/fs/bpf 2> /dev/null
stty -F /dev/ttyS1 raw -echo 2> /dev/null
{
	echo "@@ release $(uname -r)"
	echo "@@ begin probe"
	vmprobe --format json -v 2> /tmp/probe.err
	echo "@@ end probe $?"
	echo "@@ probe-time $(cat /tmp/probe.err)"
	echo "@@ begin btf"
	base64 /sys/kernel/btf/vmlinux
	echo "@@ end btf"
	for o in /objs/*.o; do
		n=${o##*/}
		echo "@@ begin load ${n%.o}"
		loader "$o" 2>&1
		echo "@@ end load $?"
	done
	echo "@@ done"
} > /dev/ttyS1 2>&1
poweroff -f
INIT
chmod +x "$root/init"
(cd "$root" && find . | "$busybox" cpio -o -H newc 2> /dev/null) > "$work/initrd.cpio"
t2=$(date +%s.%N)

echo "run.sh: booting $(basename "$kernel") under qemu (TCG), $ncorpus corpus objects, timeout ${timeout}s"
rc=0
timeout "$timeout" "$qemu" -machine q35 -accel tcg,thread=multi -cpu max -smp 2 -m 2048 \
	-nographic -no-reboot -kernel "$kernel" -initrd "$work/initrd.cpio" \
	-append "console=ttyS0 panic=-1 quiet loglevel=3" \
	-serial "file:$out/console.log" -serial "file:$work/data.txt" -monitor none \
	> "$work/qemu.log" 2>&1 || rc=$?
t3=$(date +%s.%N)
tr -d '\r' < "$work/data.txt" > "$work/data"
if [ "$rc" != 0 ] || ! grep -q '^@@ done' "$work/data"; then
	echo "FAIL: the VM did not finish (qemu exit $rc; 124 is the timeout); the end of its console:"
	tail -n 20 "$out/console.log" "$work/qemu.log" | sed 's/^/    /'
	tail -n 5 "$work/data" | sed 's/^/    data: /'
	exit 1
fi

# split the data stream
awk -v out="$out" '
	/^@@ begin probe/ { f = out "/probe.json"; printf "" > f; next }
	/^@@ end probe/ { close(f); f = ""; next }
	/^@@ begin btf/ { f = out "/vmlinux.btf.b64"; printf "" > f; next }
	/^@@ end btf/ { close(f); f = ""; next }
	/^@@ begin load / { name = $4; f = out "/loads/" name ".out"; printf "" > f; next }
	/^@@ end load / { close(f); f = ""; print name "\t" $4 >> (out "/loads.rc"); next }
	/^@@ / { next }
	f != "" { print > f }
' < <(rm -rf "$out/loads" "$out/loads.rc"; mkdir -p "$out/loads"; cat "$work/data")
base64 -d < "$out/vmlinux.btf.b64" > "$out/vmlinux.btf"
rm -f "$out/vmlinux.btf.b64"
sort "$out/loads.rc" | while IFS=$'\t' read -r name rc; do
	first=$(grep -m1 -E 'error|refus|invalid|unknown|not supported|R[0-9]' "$out/loads/$name.out" | cut -c1-200 || true)
	printf '%s\t%s\t%s\n' "$name" "$rc" "$first"
done > "$out/loads.tsv"
rm -f "$out/loads.rc"
"$probe" --kernel-table "$out/probe.json" --format c > "$out/kernel_linux_6_1.c"
release=$(sed -n 's/^@@ release //p' "$work/data")
{
	echo "release $release"
	echo "kernel $(basename "$kernel")"
	awk -v a="$t0" -v b="$t1" -v n="$ncorpus" 'BEGIN { printf "compile %.1f s (%d objects)\n", b - a, n }'
	awk -v a="$t1" -v b="$t2" -v n="$(stat -c %s "$work/initrd.cpio")" \
		'BEGIN { printf "initramfs %.1f s (%d bytes)\n", b - a, n }'
	awk -v a="$t2" -v b="$t3" -v n="$(wc -l < "$out/loads.tsv")" \
		'BEGIN { printf "vm %.1f s (boot, probe, btf, %d loads)\n", b - a, n }'
	sed -n 's/^@@ probe-time bpfgen: /probe /p' "$work/data"
} > "$out/times.txt"
cat "$out/times.txt"
