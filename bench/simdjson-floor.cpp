// The floor for reading a plan file: simdjson (Debian's libsimdjson-dev) parses the
// whole file and walks every task, touching each of its fields once (the length of
// every string, every number), as duban's decoder must. duban-bench compiles this in
// the same run (g++ -O2 bench/simdjson-floor.cpp -lsimdjson) and times the whole
// process, start to exit, as it times `duban`.
//
// usage: simdjson-floor PLAN.json   prints "tasks N bytes B" (B: bytes of task strings)
#include <simdjson.h>
#include <cstdio>
#include <cstdint>

using namespace simdjson;

static uint64_t walk(ondemand::value v, uint64_t &bytes) {
    switch (v.type()) {
    case ondemand::json_type::string: { std::string_view s = v.get_string(); bytes += s.size(); return 1; }
    case ondemand::json_type::number: { (void)v.get_double(); return 1; }
    case ondemand::json_type::boolean: { (void)v.get_bool(); return 1; }
    case ondemand::json_type::null: { (void)v.is_null(); return 1; }
    case ondemand::json_type::array: { uint64_t n = 0; for (auto e : v.get_array()) n += walk(e.value(), bytes); return n; }
    case ondemand::json_type::object: { uint64_t n = 0; for (auto f : v.get_object()) { bytes += f.unescaped_key().value().size(); n += walk(f.value(), bytes); } return n; }
    }
    return 0;
}

int main(int argc, char **argv) {
    if (argc < 2) { std::fprintf(stderr, "usage: simdjson-floor PLAN.json\n"); return 2; }
    padded_string json;
    if (padded_string::load(argv[1]).get(json)) { std::fprintf(stderr, "%s: cannot read\n", argv[1]); return 1; }
    ondemand::parser parser;
    ondemand::document doc;
    if (parser.iterate(json).get(doc)) { std::fprintf(stderr, "%s: not JSON\n", argv[1]); return 1; }
    uint64_t tasks = 0, bytes = 0;
    try {
        for (auto field : doc.get_object()) {
            std::string_view key = field.unescaped_key();
            if (key == "tasks") {
                for (auto t : field.value().get_array()) { walk(t.value(), bytes); tasks++; }
            } else {
                walk(field.value(), bytes);
            }
        }
    } catch (simdjson_error &e) {
        std::fprintf(stderr, "%s: %s\n", argv[1], e.what());
        return 1;
    }
    std::printf("tasks %llu bytes %llu\n", (unsigned long long)tasks, (unsigned long long)bytes);
    return 0;
}
