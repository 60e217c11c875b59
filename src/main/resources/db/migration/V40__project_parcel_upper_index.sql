-- An application's parcels are looked up among the projects under way whatever the case they were typed in
-- (ProjectRepository.activeProjectsOfParcels compares upper(parcel_id)), by this index instead of every parcel row.
create index project_parcel_parcel_upper_idx on project_parcel (upper(parcel_id));
