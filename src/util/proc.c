/*
 * proc.c - the one way schemadiff starts another program (the C compiler,
 * pg_dump): no shell, stdin from /dev/null, and an environment without the
 * variables that carry database credentials.
 *
 * A child's command line is readable by every local user (/proc/PID/cmdline,
 * ps), its environment only by the same user; secrets therefore never go
 * into argv, and only the children that need one get it, through a private
 * file named in their environment (pg_dump's PGPASSFILE).
 */
#include "util.h"

#include <errno.h>
#include <fcntl.h>
#include <spawn.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

/* Variables that may hold a password: a child never inherits them. */
static const char *const secret_vars[] = {
	"SCHEMADIFF_DATABASE_URL", "DATABASE_URL", "PGPASSWORD", NULL,
};

/* true when the environment entry "NAME=value" is for one of names. */
static bool names_var(const char *entry, const char *const *names)
{
	size_t i, n;

	for (i = 0; names && names[i]; i++) {
		n = strcspn(names[i], "=");
		if (strncmp(entry, names[i], n) == 0 && entry[n] == '=')
			return true;
	}
	return false;
}

/*
 * The child's environment: ours without secret_vars and without the
 * variables `set` replaces, then `set`. The array is malloc'ed; its strings
 * are borrowed.
 */
static char **child_env(const char *const *set)
{
	size_t n = 0, nset = 0, i, k = 0;
	char **env;

	while (environ && environ[n])
		n++;
	while (set && set[nset])
		nset++;
	env = sd_xcalloc(n + nset + 1, sizeof(char *));
	for (i = 0; i < n; i++)
		if (!names_var(environ[i], secret_vars) &&
		    !names_var(environ[i], set))
			env[k++] = environ[i];
	for (i = 0; i < nset; i++)
		env[k++] = (char *)set[i];
	return env;
}

int sd_proc_run(const char *const *argv, const char *const *set, int out_fd,
                sd_buf *output)
{
	posix_spawn_file_actions_t fa;
	int fds[2] = {-1, -1}, status = 0, e;
	char **env = NULL;
	char chunk[4096];
	ssize_t got;
	pid_t pid;

	if (pipe(fds) != 0) {
		sd_buf_printf(output, "pipe: %s", strerror(errno));
		return -1;
	}
	/* only the copies on 1 and 2 reach the program */
	fcntl(fds[0], F_SETFD, FD_CLOEXEC);
	fcntl(fds[1], F_SETFD, FD_CLOEXEC);
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_addopen(&fa, STDIN_FILENO, "/dev/null",
	                                 O_RDONLY, 0);
	posix_spawn_file_actions_adddup2(&fa, out_fd >= 0 ? out_fd : fds[1],
	                                 STDOUT_FILENO);
	posix_spawn_file_actions_adddup2(&fa, fds[1], STDERR_FILENO);
	env = child_env(set);
	e = posix_spawnp(&pid, argv[0], &fa, NULL, (char *const *)argv, env);
	posix_spawn_file_actions_destroy(&fa);
	free(env);
	close(fds[1]);
	if (e != 0) {
		sd_buf_printf(output, "cannot run '%s': %s", argv[0], strerror(e));
		close(fds[0]);
		return -1;
	}
	while ((got = read(fds[0], chunk, sizeof(chunk))) != 0) {
		if (got < 0) {
			if (errno == EINTR)
				continue;
			break;
		}
		sd_buf_putn(output, chunk, (size_t)got);
	}
	close(fds[0]);
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	if (WIFEXITED(status))
		return WEXITSTATUS(status);
	return 128 + (WIFSIGNALED(status) ? WTERMSIG(status) : 0);
}
