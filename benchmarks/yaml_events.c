/* A bare libyaml event loop: the floor for YAML parsing speed.
 *   yaml_events FILE [REPEAT]
 * Reads FILE into memory once, then parses it REPEAT times (default 5) with
 * yaml_parser_parse until the end of the stream, and prints the median time
 * of one parse, the event count and MB/s (1 MB = 10^6 bytes), then the same for CPU time
 * (CLOCK_PROCESS_CPUTIME_ID), which a busy machine does not inflate. */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <yaml.h>

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec / 1e9;
}

static double cpu(void) {
    struct timespec t;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return t.tv_sec + t.tv_nsec / 1e9;
}

static int cmp(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

int main(int argc, char **argv) {
    if (argc < 2) { fprintf(stderr, "usage: yaml_events FILE [REPEAT]\n"); return 2; }
    int repeat = argc > 2 ? atoi(argv[2]) : 5;
    if (repeat < 1 || repeat > 1000) repeat = 5;
    FILE *f = fopen(argv[1], "rb");
    if (!f) { perror(argv[1]); return 2; }
    fseek(f, 0, SEEK_END);
    long size = ftell(f);
    fseek(f, 0, SEEK_SET);
    unsigned char *buf = malloc(size > 0 ? size : 1);
    if (!buf || fread(buf, 1, size, f) != (size_t)size) { fprintf(stderr, "read failed\n"); return 2; }
    fclose(f);
    double times[1000], cpus[1000];
    long events = 0;
    for (int r = 0; r < repeat; r++) {
        double t0 = now(), c0 = cpu();
        yaml_parser_t parser;
        yaml_event_t event;
        yaml_parser_initialize(&parser);
        yaml_parser_set_input_string(&parser, buf, size);
        events = 0;
        for (;;) {
            if (!yaml_parser_parse(&parser, &event)) { fprintf(stderr, "parse error\n"); return 1; }
            int done = event.type == YAML_STREAM_END_EVENT;
            yaml_event_delete(&event);
            events++;
            if (done) break;
        }
        yaml_parser_delete(&parser);
        times[r] = now() - t0;
        cpus[r] = cpu() - c0;
    }
    qsort(times, repeat, sizeof times[0], cmp);
    qsort(cpus, repeat, sizeof cpus[0], cmp);
    double median = times[repeat / 2], cmedian = cpus[repeat / 2];
    printf("%ld bytes %ld events wall %.6f s %.1f MB/s cpu %.6f s %.1f MB/s\n", size, events, median,
           size / median / 1e6, cmedian, size / cmedian / 1e6);
    free(buf);
    return 0;
}
