-- When Keycloak last announced (OIDC back-channel logout) the end of a session of each realm user (its "sub"), for
-- every node to read: Keycloak calls one node, and does not always name every session it ends, so each node's logins
-- of that user ask Keycloak on their next request whether their own session is still active (AnnouncedLogouts,
-- RealmSessionCheck). One row per user who was ever logged out that way; empty in the embedded identity mode.
create table realm_logout_announcement (
    subject      varchar(255) primary key,
    announced_at timestamptz not null
);
