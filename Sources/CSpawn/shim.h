#ifndef CSPAWN_SHIM_H
#define CSPAWN_SHIM_H
#include <errno.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>

/* glibc (2.29+, 2.34+) declares these only under _GNU_SOURCE; lakebase-local needs them to start
   PostgreSQL's programs in a given folder with no inherited descriptors. */
extern int posix_spawn_file_actions_addchdir_np(posix_spawn_file_actions_t *actions, const char *path);
extern int posix_spawn_file_actions_addclosefrom_np(posix_spawn_file_actions_t *actions, int from);

/* Spawn attributes under which the child starts with no blocked signal and every signal at its default action:
   the parent's signal handling (Dispatch's signal sources block SIGINT and SIGTERM in its threads) is not the
   child's. Initialise `attributes` first; destroy it after the spawn. */
static inline void cspawn_reset_signals(posix_spawnattr_t *attributes) {
    sigset_t none, all;
    sigemptyset(&none);
    sigfillset(&all);
    posix_spawnattr_setsigmask(attributes, &none);
    posix_spawnattr_setsigdefault(attributes, &all);
    posix_spawnattr_setflags(attributes, POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
}

/* Blocks until `pid` exits: its exit status, 128+N when signal N killed it, -1 when it cannot be waited for. */
static inline int cspawn_wait(pid_t pid) {
    int status = 0;
    while (waitpid(pid, &status, 0) == -1) {
        if (errno != EINTR) return -1;
    }
    return WIFSIGNALED(status) ? 128 + WTERMSIG(status) : WEXITSTATUS(status);
}

#endif
