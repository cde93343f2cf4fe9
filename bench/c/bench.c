/*
 * The C baselines: the same workloads as bench/api.ts, written directly
 * against libc. Built by bench/run.sh with `gcc -O2`.
 *
 *   bench [--thread] WORKLOAD=SIZE...   prints one JSON line per workload:
 *                                       {"workload": W, "ops": N, "seconds": T}
 *
 * --thread first starts one idle thread, so that the process is
 * multi-threaded like a Deno or Bun process: the kernel then takes a
 * reference on the file for every descriptor-based syscall (the descriptor
 * table is shared), which a single-threaded process skips.
 *
 * Workloads (SIZE is the operation count unless noted):
 *   pp_unix      1-byte ping-pong over an AF_UNIX socketpair (round trips)
 *   pp_tcp       1-byte ping-pong over TCP on 127.0.0.1 (round trips)
 *   bulk         SIZE bytes over an AF_UNIX socketpair in 64 KiB writes
 *   bulk_copy    bulk, each read then copied into a new malloc'd buffer: the
 *                least any API that returns each read as a new string pays
 *   udp          64-byte datagrams, sendto + recvfrom on 127.0.0.1
 *   churn        TCP connect + accept + close on 127.0.0.1 (connections)
 *   select_N     poll() over N sockets with one ready (calls); N in the name
 *   call_send    send(fd, buf, 0, 0) (calls)
 *   call_eagain  recv(fd, buf, 1, MSG_DONTWAIT) failing with EAGAIN (calls)
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <malloc.h>
#include <errno.h>
#include <netinet/in.h>
#include <poll.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

static double now(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec + t.tv_nsec * 1e-9;
}

static void die(const char *what) {
  fprintf(stderr, "bench.c: %s: %s\n", what, strerror(errno));
  exit(1);
}

static void check(long r, const char *what) {
  if (r < 0) die(what);
}

/* A listening TCP socket on 127.0.0.1 with a kernel-chosen port. */
static int tcp_listener(struct sockaddr_in *addr) {
  int s = socket(AF_INET, SOCK_STREAM, 0);
  check(s, "socket");
  memset(addr, 0, sizeof *addr);
  addr->sin_family = AF_INET;
  addr->sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  check(bind(s, (struct sockaddr *)addr, sizeof *addr), "bind");
  check(listen(s, 128), "listen");
  socklen_t len = sizeof *addr;
  check(getsockname(s, (struct sockaddr *)addr, &len), "getsockname");
  return s;
}

/* A connected TCP pair on loopback: sv[0] the client, sv[1] the accepted end. */
static void tcp_pair(int sv[2]) {
  struct sockaddr_in addr;
  int l = tcp_listener(&addr);
  sv[0] = socket(AF_INET, SOCK_STREAM, 0);
  check(sv[0], "socket");
  check(connect(sv[0], (struct sockaddr *)&addr, sizeof addr), "connect");
  sv[1] = accept(l, NULL, NULL);
  check(sv[1], "accept");
  close(l);
}

static void ping_pong(int sv[2], long n) {
  char b = 'x';
  for (long i = 0; i < n; i++) {
    if (write(sv[0], &b, 1) != 1 || read(sv[1], &b, 1) != 1) die("ping");
    if (write(sv[1], &b, 1) != 1 || read(sv[0], &b, 1) != 1) die("pong");
  }
}

static volatile char sink;

static void bulk(int sv[2], long total, char *w, char *r, int copy) {
  for (long done = 0; done < total;) {
    ssize_t n = write(sv[0], w, 65536);
    check(n, "write");
    for (ssize_t got = 0; got < n;) {
      ssize_t m = read(sv[1], r, 65536);
      if (m <= 0) die("read");
      if (copy) {
        char *s = malloc(m);
        if (!s) die("malloc");
        memcpy(s, r, m);
        sink = s[m - 1];
        free(s);
      }
      got += m;
    }
    done += n;
  }
}

static void udp(long n) {
  struct sockaddr_in to, from;
  int a = socket(AF_INET, SOCK_DGRAM, 0), b = socket(AF_INET, SOCK_DGRAM, 0);
  check(a, "socket");
  check(b, "socket");
  memset(&to, 0, sizeof to);
  to.sin_family = AF_INET;
  to.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  check(bind(b, (struct sockaddr *)&to, sizeof to), "bind");
  socklen_t len = sizeof to;
  check(getsockname(b, (struct sockaddr *)&to, &len), "getsockname");
  char d[64] = {0}, r[64];
  for (long i = 0; i < n; i++) {
    if (sendto(a, d, 64, MSG_NOSIGNAL, (struct sockaddr *)&to, sizeof to) != 64) die("sendto");
    len = sizeof from;
    if (recvfrom(b, r, 64, 0, (struct sockaddr *)&from, &len) != 64) die("recvfrom");
  }
  close(a);
  close(b);
}

static void churn(long n) {
  struct sockaddr_in addr;
  int l = tcp_listener(&addr);
  for (long i = 0; i < n; i++) {
    int c = socket(AF_INET, SOCK_STREAM, 0);
    check(c, "socket");
    check(connect(c, (struct sockaddr *)&addr, sizeof addr), "connect");
    int s = accept(l, NULL, NULL);
    check(s, "accept");
    close(s);
    close(c);
  }
  close(l);
}

/* The sockets of the last count asked for, made once (as the other runners
   do): the previous ones are closed when the count changes. */
static void select_n(int count, long n) {
  static struct pollfd *p;
  static int (*pairs)[2];
  static int size;
  if (size != count) {
    for (int i = 0; i < size / 2; i++) {
      close(pairs[i][0]);
      close(pairs[i][1]);
    }
    free(p);
    free(pairs);
    p = calloc(count, sizeof *p);
    pairs = calloc(count / 2, sizeof *pairs);
    for (int i = 0; i < count / 2; i++) {
      check(socketpair(AF_UNIX, SOCK_STREAM, 0, pairs[i]), "socketpair");
      p[2 * i].fd = pairs[i][0];
      p[2 * i + 1].fd = pairs[i][1];
    }
    if (write(pairs[count / 4][0], "x", 1) != 1) die("write");
    size = count;
  }
  for (long i = 0; i < n; i++) {
    for (int k = 0; k < count; k++) p[k].events = POLLIN;
    if (poll(p, count, 0) != 1) die("poll");
  }
}

static void calls(int eagain, long n) {
  int sv[2];
  char b[1];
  check(socketpair(AF_UNIX, SOCK_STREAM, 0, sv), "socketpair");
  if (eagain) {
    for (long i = 0; i < n; i++) {
      if (recv(sv[1], b, 1, MSG_DONTWAIT) != -1 || errno != EAGAIN) die("recv");
    }
  } else {
    for (long i = 0; i < n; i++) {
      if (send(sv[0], b, 0, MSG_NOSIGNAL) != 0) die("send");
    }
  }
  close(sv[0]);
  close(sv[1]);
}

/* Runs one workload of size n. */
static void run(const char *w, long n) {
  int sv[2];
  if (!strcmp(w, "pp_unix")) {
    check(socketpair(AF_UNIX, SOCK_STREAM, 0, sv), "socketpair");
    ping_pong(sv, n);
  } else if (!strcmp(w, "pp_tcp")) {
    static int pair[2] = {-1, -1};
    if (pair[0] < 0) tcp_pair(pair);
    ping_pong(pair, n);
    return;
  } else if (!strcmp(w, "bulk") || !strcmp(w, "bulk_copy")) {
    static char *wb, *rb;
    if (!wb) {
      wb = malloc(65536);
      // The read buffer starts 512 bytes into a 1 KiB block, as the
      // module's does: glibc's rep-movsb copy is several times slower on
      // AMD when the destination lies just above the source modulo 4 KiB,
      // which two malloc'd blocks often do (sockets/scratch.ts).
      rb = malloc(65536 + 1024);
      if (!rb) die("malloc");
      rb += (512 - (uintptr_t)rb % 1024 + 1024) % 1024;
      for (int i = 0; i < 65536; i++) wb[i] = (char)(i * 7);
    }
    check(socketpair(AF_UNIX, SOCK_STREAM, 0, sv), "socketpair");
    // Keep freed blocks in the heap (glibc would otherwise hand the top of
    // the heap back to the kernel after each free and fault it in again),
    // so that bulk_copy measures the copy and nothing else.
    mallopt(M_TRIM_THRESHOLD, 64 << 20);
    mallopt(M_MMAP_THRESHOLD, 64 << 20);
    bulk(sv, n, wb, rb, !strcmp(w, "bulk_copy"));
  } else if (!strcmp(w, "udp")) {
    udp(n);
    return;
  } else if (!strcmp(w, "churn")) {
    churn(n);
    return;
  } else if (!strncmp(w, "select_", 7)) {
    select_n(atoi(w + 7), n);
    return;
  } else if (!strcmp(w, "call_send") || !strcmp(w, "call_eagain")) {
    calls(!strcmp(w, "call_eagain"), n);
    return;
  } else {
    fprintf(stderr, "bench.c: unknown workload %s\n", w);
    exit(2);
  }
  close(sv[0]);
  close(sv[1]);
}

static void *idle(void *arg) {
  (void)arg;
  for (;;) pause();
  return NULL;
}

/* Runs each WORKLOAD=SIZE argument. */
int main(int argc, char **argv) {
  int first = 1;
  if (argc > 1 && !strcmp(argv[1], "--thread")) {
    pthread_t t;
    if (pthread_create(&t, NULL, idle, NULL) != 0) die("pthread_create");
    first = 2;
  }
  for (int i = first; i < argc; i++) {
    char *eq = strchr(argv[i], '=');
    if (!eq) {
      fprintf(stderr, "usage: bench WORKLOAD=SIZE...\n");
      return 2;
    }
    *eq = 0;
    const char *w = argv[i];
    long n = atol(eq + 1);
    if (!strcmp(w, "memory") || !strncmp(w, "sys_", 4)) {
      printf("{\"workload\": \"%s\", \"na\": \"n/a\"}\n", w);
      continue;
    }
    /* A warm-up batch, then ten timed batches of a tenth each: the fastest
       is reported, as every runner does (see bench/_measure.ts). */
    long batch = n / 10 > 0 ? n / 10 : 1;
    run(w, batch);
    double best = 1e30;
    for (int b = 0; b < 10; b++) {
      double t = now();
      run(w, batch);
      double s = now() - t;
      if (s < best) best = s;
    }
    printf("{\"workload\": \"%s\", \"ops\": %ld, \"seconds\": %.9f, \"batches\": 10}\n", w,
           batch, best);
    fflush(stdout);
  }
  return 0;
}
