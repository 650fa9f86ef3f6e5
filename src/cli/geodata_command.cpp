// `mapwire geodata build`: runs the geodata pipeline (scripts/setup.sh calls it). In the GIS
// plugin; the options are in gis_commands.cpp.
#include "cli/detail/gis_plugin.hpp"
#include "geodata/build.hpp"

namespace mapwire::cli::detail {

void run_geodata(const GeodataArgs& args, Context& ctx) {
    geodata::BuildOptions opts;
    opts.ne_dirs = args.ne_dirs;
    opts.world_atlas = args.world_atlas;
    opts.us_counties = args.us_counties;
    opts.geonames = args.geonames;
    if (args.iso_codes_dir) opts.iso_codes_dir = *args.iso_codes_dir;
    if (args.words) opts.words = *args.words;
    opts.first_names = args.first_names;
    opts.curated_dir = args.curated_dir;
    opts.out_dir = args.out_dir.empty() ? dataset_dir(ctx) : args.out_dir;
    opts.worldview =
        args.worldview == "de-facto" ? geodata::Worldview::de_facto : geodata::Worldview::de_jure;
    const auto report = geodata::build_dataset(opts, ctx.err);
    ctx.out << "countries: " << report.countries << "\nadmin-1 units: " << report.admin1 << " ("
            << report.admin1_with_iso << " with ISO 3166-2 codes)\ncounties: " << report.counties
            << "\nregions: " << report.regions << "\nplaces: " << report.places << " (from "
            << report.geonames_records << " GeoNames records; " << report.geonames_codes_mapped
            << " GeoNames admin-1 codes mapped)\nlocal names: " << report.local_names
            << " countries and units\n";
    for (const auto& n : report.notes) ctx.out << "note: " << n << "\n";
    ctx.out << "written: " << opts.out_dir << "/mapwire.gpkg, " << opts.out_dir
            << "/gazetteer.idx\n";
}

}  // namespace mapwire::cli::detail
