/*
 * bench_spawn.c - runs one command and reports its wall time, CPU time and
 * peak RSS, for tools/bench.
 *
 *   bench_spawn RESULT OUT ERR command [args...]
 *
 * writes "wall_seconds user_seconds sys_seconds maxrss_kib exit_code" to
 * RESULT, with the command's stdout in OUT and stderr in ERR.
 *
 * Why not fork from Python: Linux carries the parent's high-water RSS into
 * a forked child's ru_maxrss across exec, so every command measured from
 * Python would show at least the interpreter's ~15 MiB. This process is
 * tiny, so what it passes on is noise.
 */
#define _POSIX_C_SOURCE 200809L
#define _DEFAULT_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	struct timespec t0, t1;
	struct rusage ru;
	int status = 0, code;
	pid_t pid;
	FILE *res;

	if (argc < 5) {
		fprintf(stderr, "usage: bench_spawn RESULT OUT ERR command...\n");
		return 2;
	}
	clock_gettime(CLOCK_MONOTONIC, &t0);
	pid = fork();
	if (pid < 0) {
		perror("bench_spawn: fork");
		return 2;
	}
	if (pid == 0) {
		int out = open(argv[2], O_WRONLY | O_CREAT | O_TRUNC, 0644);
		int err = open(argv[3], O_WRONLY | O_CREAT | O_TRUNC, 0644);
		int in = open("/dev/null", O_RDONLY);
		if (out < 0 || err < 0 || in < 0)
			_exit(127);
		dup2(in, 0);
		dup2(out, 1);
		dup2(err, 2);
		execvp(argv[4], argv + 4);
		perror("bench_spawn: exec");
		_exit(127);
	}
	if (wait4(pid, &status, 0, &ru) < 0) {
		perror("bench_spawn: wait4");
		return 2;
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	code = WIFEXITED(status) ? WEXITSTATUS(status)
	                         : 128 + (WIFSIGNALED(status) ? WTERMSIG(status) : 0);
	res = fopen(argv[1], "w");
	if (!res) {
		perror("bench_spawn: result");
		return 2;
	}
	fprintf(res, "%.6f %.6f %.6f %ld %d\n",
	        (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9,
	        (double)ru.ru_utime.tv_sec + (double)ru.ru_utime.tv_usec / 1e6,
	        (double)ru.ru_stime.tv_sec + (double)ru.ru_stime.tv_usec / 1e6,
	        ru.ru_maxrss, code);
	fclose(res);
	return 0;
}
