/*
 * floor: the least work any libyaml-based tool must do on a file, for benchmarks.
 *
 * Runs libyaml's event parser (yaml_parser_parse) over argv[1] to the end of the
 * stream, deleting each event, and prints nothing.  No tree, no copies, no
 * queries: a tool built on libyaml cannot be faster than this on the same file.
 * Exit 0 on success, 1 with libyaml's message on a syntax error, 2 on usage or
 * I/O errors.
 *
 * Build: cc -O2 floor.c $(pkg-config --cflags --libs yaml-0.1) -o floor
 */
#include <stdio.h>
#include <stdlib.h>

#include <yaml.h>

int
main(int argc, char **argv)
{
	yaml_parser_t parser;
	yaml_event_t event;
	unsigned long events = 0;
	int done = 0;
	FILE *f;

	if (argc != 2) {
		fprintf(stderr, "usage: floor FILE.yaml\n");
		return 2;
	}
	f = fopen(argv[1], "rb");
	if (f == NULL) {
		perror(argv[1]);
		return 2;
	}
	if (!yaml_parser_initialize(&parser)) {
		fprintf(stderr, "floor: out of memory\n");
		return 2;
	}
	yaml_parser_set_input_file(&parser, f);
	while (!done) {
		if (!yaml_parser_parse(&parser, &event)) {
			fprintf(stderr, "floor: %s:%lu:%lu: %s\n", argv[1],
			    (unsigned long)parser.problem_mark.line + 1,
			    (unsigned long)parser.problem_mark.column + 1,
			    parser.problem ? parser.problem : "parse error");
			yaml_parser_delete(&parser);
			fclose(f);
			return 1;
		}
		done = event.type == YAML_STREAM_END_EVENT;
		events++;
		yaml_event_delete(&event);
	}
	yaml_parser_delete(&parser);
	fclose(f);
	if (getenv("FLOOR_VERBOSE") != NULL)
		fprintf(stderr, "floor: %lu events\n", events);
	return 0;
}
