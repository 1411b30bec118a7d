// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * Attach through bpf_link where the kernel has one (XDP links, TCX links),
 * the legacy hooks (netlink XDP, the clsact qdisc) only as a fallback that
 * says so, and pinning on bpffs with an error that names a missing mount.
 *
 * libbpf 1.1 has no constructor of a struct bpf_link from a link fd
 * (bpf_program__attach_tcx() came in 1.3) nor one with a detach of the
 * caller's: the links made here have libbpf's layout of struct bpf_link
 * (detach, dealloc, pin_path, fd, disconnected, unchanged since libbpf 0.1),
 * checked at run time through bpf_link__fd(), so that bpf_link__destroy(),
 * bpf_link__pin(), the skeleton and bpfgen_loop treat them as any other link.
 */
#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/statfs.h>
#include <sys/syscall.h>
#include <linux/if_link.h>
#include <bpf/bpf.h>
#include <bpf/libbpf.h>

#include "bpfgen/runtime.h"

#ifndef BPF_FS_MAGIC
#define BPF_FS_MAGIC 0xcafe4a11
#endif
/* enum bpf_attach_type of Linux 6.6, past the UAPI headers libbpf 1.1 ships with */
#define BPFGEN_TCX_INGRESS 46
#define BPFGEN_TCX_EGRESS 47
/* BPF_PROG_TYPE_NETFILTER and BPF_NETFILTER, Linux 6.4 */
#define BPFGEN_PROG_TYPE_NETFILTER 32
#define BPFGEN_ATTACH_NETFILTER 45

/* libbpf's struct bpf_link (src/libbpf.c), which it allocates and frees */
struct link_abi {
	int (*detach)(struct bpf_link *link);
	void (*dealloc)(struct bpf_link *link);
	char *pin_path;
	int fd;
	bool disconnected;
};

enum hook_kind {
	HOOK_FD,		/* a kernel link: closing the fd detaches */
	HOOK_XDP_NETLINK,	/* bpf_xdp_attach() */
	HOOK_CLSACT,		/* a filter on the clsact qdisc */
};

struct hook_link {
	struct link_abi base;	/* first: libbpf frees the whole allocation */
	enum hook_kind kind;
	int ifindex;
	int where;		/* BPF_TC_INGRESS or BPF_TC_EGRESS */
	__u32 prio;
	__u32 xdp_flags;
	__u32 prog_id;
};

/*
 * The clsact qdiscs bpfgen created, per interface: the last bpfgen filter
 * detached from one removes it; one that was there before stays.
 */
struct clsact {
	int ifindex;
	unsigned users;
	bool created;
};

static pthread_mutex_t clsact_lock = PTHREAD_MUTEX_INITIALIZER;
static struct clsact *clsacts;
static size_t clsact_cnt;

static struct clsact *clsact_find(int ifindex)
{
	size_t i;

	for (i = 0; i < clsact_cnt; i++)
		if (clsacts[i].ifindex == ifindex && clsacts[i].users)
			return &clsacts[i];
	return NULL;
}

static int hook_detach(struct bpf_link *link)
{
	struct hook_link *h = (struct hook_link *)link;
	int err = 0, fd;

	switch (h->kind) {
	case HOOK_FD:
		if (h->base.fd >= 0 && close(h->base.fd))
			err = -errno;
		h->base.fd = -1;
		break;
	case HOOK_XDP_NETLINK: {
		LIBBPF_OPTS(bpf_xdp_attach_opts, opts);

		/* only ours: REPLACE fails with -EEXIST when another program is there */
		fd = bpf_prog_get_fd_by_id(h->prog_id);
		if (fd < 0)
			return -errno;
		opts.old_prog_fd = fd;
		err = bpf_xdp_detach(h->ifindex, (h->xdp_flags & XDP_FLAGS_MODES) | XDP_FLAGS_REPLACE,
				     &opts);
		close(fd);
		break;
	}
	case HOOK_CLSACT: {
		LIBBPF_OPTS(bpf_tc_hook, hook, .ifindex = h->ifindex, .attach_point = h->where);
		LIBBPF_OPTS(bpf_tc_opts, opts, .handle = 1, .priority = h->prio);
		struct clsact *q;

		err = bpf_tc_detach(&hook, &opts);
		pthread_mutex_lock(&clsact_lock);
		q = clsact_find(h->ifindex);
		if (q && --q->users == 0 && q->created) {
			hook.attach_point = BPF_TC_INGRESS | BPF_TC_EGRESS;
			fd = bpf_tc_hook_destroy(&hook);
			if (fd && !err)
				err = fd;
		}
		pthread_mutex_unlock(&clsact_lock);
		break;
	}
	}
	return err;
}

/* A link of KIND; FD is the kernel link's or -1. NULL and errno set on failure. */
static struct hook_link *hook_new(enum hook_kind kind, int fd)
{
	struct hook_link *h = calloc(1, sizeof(*h));

	if (!h) {
		errno = ENOMEM;
		return NULL;
	}
	h->kind = kind;
	h->base.detach = hook_detach;
	h->base.fd = fd;
	if (bpf_link__fd((struct bpf_link *)h) != fd || bpf_link__pin_path((struct bpf_link *)h)) {
		/* a libbpf whose struct bpf_link is not the one above */
		free(h);
		errno = ENOTSUP;
		return NULL;
	}
	return h;
}

static const char *prog_name(const struct bpf_program *prog)
{
	return bpf_program__name(prog);
}

struct bpf_link *bpfgen_xdp_attach(const struct bpf_program *prog, int ifindex, __u32 xdp_flags,
				   __u32 flags)
{
	LIBBPF_OPTS(bpf_link_create_opts, opts, .flags = xdp_flags & XDP_FLAGS_MODES);
	int prog_fd = bpf_program__fd(prog), fd, err;
	struct bpf_prog_info info;
	__u32 len = sizeof(info);
	struct hook_link *h;

	if (prog_fd < 0) {
		errno = EINVAL;
		return NULL;
	}
	if (!(flags & BPFGEN_ATTACH_LEGACY)) {
		/* a link never replaces a program: UPDATE_IF_NOEXIST is implied */
		fd = bpf_link_create(prog_fd, ifindex, BPF_XDP, &opts);
		if (fd >= 0) {
			h = hook_new(HOOK_FD, fd);
			if (!h)
				close(fd);
			return (struct bpf_link *)h;
		}
		err = fd;
		if (err != -EINVAL) {
			errno = -err;
			return NULL;
		}
		fprintf(stderr, "bpfgen: program '%s': no XDP link on this kernel (%s), "
			"attaching through netlink\n", prog_name(prog), strerror(-err));
	}
	memset(&info, 0, sizeof(info));
	if (bpf_obj_get_info_by_fd(prog_fd, &info, &len))
		return NULL;
	h = hook_new(HOOK_XDP_NETLINK, -1);
	if (!h)
		return NULL;
	h->ifindex = ifindex;
	h->xdp_flags = xdp_flags;
	h->prog_id = info.id;
	err = bpf_xdp_attach(ifindex, prog_fd, xdp_flags, NULL);
	if (err) {
		free(h);
		errno = -err;
		return NULL;
	}
	return (struct bpf_link *)h;
}

struct bpf_link *bpfgen_tc_attach(const struct bpf_program *prog, int ifindex, int where,
				  __u32 prio, __u32 flags)
{
	LIBBPF_OPTS(bpf_tc_hook, hook, .ifindex = ifindex, .attach_point = where);
	LIBBPF_OPTS(bpf_tc_opts, opts, .handle = 1, .priority = prio);
	int prog_fd = bpf_program__fd(prog), fd, err;
	struct clsact *q, *grown;
	struct hook_link *h;
	bool created;

	if (prog_fd < 0 || (where != BPF_TC_INGRESS && where != BPF_TC_EGRESS) || !prio) {
		errno = EINVAL;
		return NULL;
	}
	if (!(flags & BPFGEN_ATTACH_LEGACY)) {
		fd = bpf_link_create(prog_fd, ifindex,
				     where == BPF_TC_INGRESS ? BPFGEN_TCX_INGRESS : BPFGEN_TCX_EGRESS, NULL);
		if (fd >= 0) {
			h = hook_new(HOOK_FD, fd);
			if (!h)
				close(fd);
			return (struct bpf_link *)h;
		}
		err = fd;
		/* a kernel before 6.6 does not know the attach type */
		if (err != -EINVAL) {
			errno = -err;
			return NULL;
		}
		fprintf(stderr, "bpfgen: program '%s': no TCX link on this kernel (%s), "
			"attaching to the clsact qdisc\n", prog_name(prog), strerror(-err));
	}
	h = hook_new(HOOK_CLSACT, -1);
	if (!h)
		return NULL;
	h->ifindex = ifindex;
	h->where = where;
	h->prio = prio;

	pthread_mutex_lock(&clsact_lock);
	err = bpf_tc_hook_create(&hook);
	if (err && err != -EEXIST)
		goto out;
	created = !err;
	q = clsact_find(ifindex);
	if (!q) {
		grown = realloc(clsacts, (clsact_cnt + 1) * sizeof(*clsacts));
		if (!grown) {
			err = -ENOMEM;
			goto out_qdisc;
		}
		clsacts = grown;
		q = &clsacts[clsact_cnt++];
		q->ifindex = ifindex;
		q->users = 0;
		q->created = created;
	}
	/* never replace a filter someone else put at this priority */
	opts.prog_fd = prog_fd;
	err = bpf_tc_attach(&hook, &opts);
	if (err)
		goto out_qdisc;
	q->users++;
	pthread_mutex_unlock(&clsact_lock);
	return (struct bpf_link *)h;
out_qdisc:
	if (created && (!q || !q->users)) {
		hook.attach_point = BPF_TC_INGRESS | BPF_TC_EGRESS;
		bpf_tc_hook_destroy(&hook);
	}
out:
	pthread_mutex_unlock(&clsact_lock);
	free(h);
	errno = -err;
	return NULL;
}

/*
 * A netfilter link: libbpf 1.1 has no attach function for it and its UAPI
 * headers no link_create.netfilter, whose four words (pf, hooknum, priority,
 * flags) follow the four of prog_fd, target_fd, attach_type and flags.
 */
struct bpf_link *bpfgen_netfilter_attach(const struct bpf_program *prog, __u32 pf, __u32 hook,
					 __s32 priority, __u32 flags)
{
	int prog_fd = bpf_program__fd(prog), fd;
	union bpf_attr attr;
	__u32 *nf = (__u32 *)((char *)&attr.link_create + 16);
	struct hook_link *h;

	if (prog_fd < 0) {
		errno = EINVAL;
		return NULL;
	}
	memset(&attr, 0, sizeof(attr));
	attr.link_create.prog_fd = prog_fd;
	attr.link_create.attach_type = BPFGEN_ATTACH_NETFILTER;
	nf[0] = pf;
	nf[1] = hook;
	nf[2] = (__u32)priority;
	nf[3] = flags;
	fd = syscall(__NR_bpf, BPF_LINK_CREATE, &attr, sizeof(attr));
	if (fd < 0)
		return NULL;
	h = hook_new(HOOK_FD, fd);
	if (!h)
		close(fd);
	return (struct bpf_link *)h;
}

int bpfgen_netfilter_prepare(struct bpf_program *prog)
{
	const char *sec = bpf_program__section_name(prog);
	int err;

	if (bpf_program__type(prog) == BPFGEN_PROG_TYPE_NETFILTER)
		return 0;
	if (bpf_program__type(prog) != BPF_PROG_TYPE_UNSPEC || strcmp(sec, "netfilter"))
		return -EINVAL;
	err = bpf_program__set_type(prog, BPFGEN_PROG_TYPE_NETFILTER);
	if (!err)
		err = bpf_program__set_expected_attach_type(prog, BPFGEN_ATTACH_NETFILTER);
	return err;
}

int bpfgen_bpffs_check(const char *path)
{
	char dir[PATH_MAX];
	struct statfs st;
	char *slash;

	if (!path || !*path || strlen(path) >= sizeof(dir))
		return -EINVAL;
	strcpy(dir, path);
	slash = strrchr(dir, '/');
	if (!slash)
		strcpy(dir, ".");
	else if (slash == dir)
		dir[1] = '\0';
	else
		*slash = '\0';
	if (statfs(dir, &st)) {
		int err = -errno;

		fprintf(stderr, "bpfgen: pin path '%s': directory '%s': %s\n", path, dir, strerror(-err));
		return err;
	}
	if ((unsigned long)st.f_type != BPF_FS_MAGIC) {
		fprintf(stderr, "bpfgen: pin path '%s': '%s' is not on a BPF filesystem (bpffs); "
			"mount one with 'mount -t bpf bpf /sys/fs/bpf'\n", path, dir);
		return -ENOTSUP;
	}
	return 0;
}

int bpfgen_map__pin(struct bpf_map *map, const char *path)
{
	int err = bpfgen_bpffs_check(path);

	return err ? err : bpf_map__pin(map, path);
}

int bpfgen_map__unpin(struct bpf_map *map, const char *path)
{
	int err = bpfgen_bpffs_check(path);

	return err ? err : bpf_map__unpin(map, path);
}

int bpfgen_map__reuse(struct bpf_map *map, const char *path)
{
	struct bpf_map_info info;
	__u32 len = sizeof(info);
	int err, fd;

	err = bpfgen_bpffs_check(path);
	if (err)
		return err;
	fd = bpf_obj_get(path);
	if (fd < 0)
		return -errno;
	memset(&info, 0, sizeof(info));
	err = bpf_obj_get_info_by_fd(fd, &info, &len);
	if (err) {
		err = -errno;
		goto out;
	}
	if (info.type != bpf_map__type(map) || info.key_size != bpf_map__key_size(map) ||
	    info.value_size != bpf_map__value_size(map) ||
	    info.max_entries != bpf_map__max_entries(map) ||
	    info.map_flags != bpf_map__map_flags(map)) {
		fprintf(stderr, "bpfgen: map '%s': the map pinned at '%s' differs "
			"(type %u key %u value %u max %u flags 0x%x; the object's: %u %u %u %u 0x%x)\n",
			bpf_map__name(map), path, info.type, info.key_size, info.value_size,
			info.max_entries, info.map_flags, bpf_map__type(map), bpf_map__key_size(map),
			bpf_map__value_size(map), bpf_map__max_entries(map), bpf_map__map_flags(map));
		err = -EINVAL;
		goto out;
	}
	err = bpf_map__reuse_fd(map, fd);
out:
	close(fd);
	return err;
}

int bpfgen_link__pin(struct bpf_link *link, const char *path)
{
	int err;

	if (!link)
		return -ENOENT;
	if (bpf_link__fd(link) < 0) {
		fprintf(stderr, "bpfgen: pin path '%s': the program is attached through a legacy "
			"hook (netlink or clsact), not a kernel link: nothing to pin\n", path);
		return -EOPNOTSUPP;
	}
	err = bpfgen_bpffs_check(path);
	return err ? err : bpf_link__pin(link, path);
}

int bpfgen_link__unpin(struct bpf_link *link)
{
	if (!link)
		return -ENOENT;
	return bpf_link__unpin(link);
}

struct bpf_link *bpfgen_link__reuse(const char *path)
{
	int err = bpfgen_bpffs_check(path);

	if (err) {
		errno = -err;
		return NULL;
	}
	return bpf_link__open(path);
}
