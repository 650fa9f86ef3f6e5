// `mapwire geodata build`: runs the geodata pipeline (scripts/setup.sh calls it).
#include <filesystem>

#include "cli/detail/commands.hpp"
#include "geodata/build.hpp"

namespace mapwire::cli::detail {

Command add_geodata_command(CLI::App& app, Context& ctx) {
    auto opts = std::make_shared<geodata::BuildOptions>();
    auto worldview = std::make_shared<std::string>("de-jure");
    opts->curated_dir = std::string(MAPWIRE_SOURCE_DIR) + "/geodata";
    CLI::App* cmd = app.add_subcommand("geodata", "Build the bundled dataset from source files");
    cmd->add_option("--ne-dir", opts->ne_dirs,
                    "Folder with Natural Earth 10m shapefiles (repeatable; searched in order)")
        ->required();
    cmd->add_option("--world-atlas", opts->world_atlas,
                    "world-atlas countries-10m.json (TopoJSON)");
    cmd->add_option("--us-counties", opts->us_counties,
                    "us-atlas counties-10m.json (TopoJSON): US counties as admin-2 units");
    cmd->add_option("--geonames", opts->geonames,
                    "GeoNames dump (cities500.txt first; then e.g. UA.txt or allCountries.txt)")
        ->required();
    cmd->add_option("--iso-codes", opts->iso_codes_dir, "iso-codes JSON folder");
    cmd->add_option("--words", opts->words,
                    "English word list for the geoparser (Debian wamerican)");
    cmd->add_option("--first-names", opts->first_names,
                    "First-name list, one a line (repeatable): marks personal names");
    cmd->add_option("--curated", opts->curated_dir,
                    "Folder of curated tables (the repository's geodata/)");
    cmd->add_option("--out", opts->out_dir, "Output folder (default: the dataset folder)");
    cmd->add_option("--worldview", *worldview,
                    "Borders: de-jure (internationally recognised) or de-facto")
        ->check(CLI::IsMember({"de-jure", "de-facto"}));
    return {cmd, [opts, worldview, &ctx] {
                if (opts->out_dir.empty()) opts->out_dir = dataset_dir(ctx);
                opts->worldview = *worldview == "de-facto" ? geodata::Worldview::de_facto
                                                           : geodata::Worldview::de_jure;
                const auto report = geodata::build_dataset(*opts, ctx.err);
                ctx.out << "countries: " << report.countries << "\nadmin-1 units: " << report.admin1
                        << " (" << report.admin1_with_iso
                        << " with ISO 3166-2 codes)\ncounties: " << report.counties
                        << "\nregions: " << report.regions << "\nplaces: " << report.places
                        << " (from " << report.geonames_records << " GeoNames records; "
                        << report.geonames_codes_mapped << " GeoNames admin-1 codes mapped)\n";
                for (const auto& n : report.notes) ctx.out << "note: " << n << "\n";
                ctx.out << "written: " << opts->out_dir << "/mapwire.gpkg, " << opts->out_dir
                        << "/gazetteer.idx\n";
            }};
}

}  // namespace mapwire::cli::detail
