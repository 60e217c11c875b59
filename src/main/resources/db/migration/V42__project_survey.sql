-- The town's survey of the base data (调查基础数据, Art. 6) is kept on the project beside the application's figures:
-- the survey is what the town published (公示) and vouches for, the application what the rights holder declared.
-- The parcels it finds are added to the project's parcels (project_parcel), so no other project can take them.
alter table project
    add column surveyed_land_area_sqm       numeric(14, 2),
    add column surveyed_land_area_mu        numeric(14, 4),
    add column surveyed_existing_floor_area numeric(14, 2),
    add column surveyed_current_plot_ratio  numeric(8, 4),
    add column surveyed_parcel_ids          text,
    add column survey_date                  date;
