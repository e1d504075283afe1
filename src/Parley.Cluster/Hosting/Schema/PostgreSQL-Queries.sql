-- Parley: the table from which the Orleans ADO.NET providers read every statement they run, by key.
-- Written for Parley against the contract of the providers (query keys, parameter and column names); run once per
-- database by Parley at start-up (OrleansSchema), never by hand.
CREATE TABLE orleansquery
(
    querykey varchar(64) NOT NULL PRIMARY KEY,
    querytext varchar(8000) NOT NULL
);
