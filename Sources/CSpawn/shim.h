#ifndef CSPAWN_SHIM_H
#define CSPAWN_SHIM_H
#include <spawn.h>

/* glibc (2.29+, 2.34+) declares these only under _GNU_SOURCE; lakebase-local needs them to start
   PostgreSQL's programs in a given folder with no inherited descriptors. */
extern int posix_spawn_file_actions_addchdir_np(posix_spawn_file_actions_t *actions, const char *path);
extern int posix_spawn_file_actions_addclosefrom_np(posix_spawn_file_actions_t *actions, int from);

#endif
