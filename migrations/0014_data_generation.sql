-- Data generation (issue 8 soak): a counter that every committed change of the data the aggregate answers
-- read moves on: the live indicators, the dashboard, the impact summary and the support-hours summary
-- (domain::AggregateCache). Those answers take seconds on the national dataset; the server keeps each one
-- under the generation it was computed at and answers again from it while the generation stands, exactly
-- as the registry lists use registry_generation (migration 0013). Every table is tracked except those that
-- hold no reportable data (audit, sessions, logins, second factor, calendar feed tokens, users), caches
-- derived from tracked tables (search trigrams, support_minutes_monthly) and the counters themselves; a db
-- test (data_generation_dbtest) fails when a table is neither tracked nor listed as untracked, so a new
-- table cannot be forgotten. Each change sets a new random value (see 0013 for why).

-- @all
CREATE TABLE data_generation (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  gen BIGINT NOT NULL
);
INSERT INTO data_generation (id, gen) VALUES (1, 1);

-- @sqlite
-- SQLite has one writer: a plain trigger per row, statement kind and table.
CREATE TRIGGER data_generation_activities_i AFTER INSERT ON activities BEGIN UPDATE data_generation SET gen = random() WHERE id = 1; END;
CREATE TRIGGER data_generation_activities_u AFTER UPDATE ON activities BEGIN UPDATE data_generation SET gen = random() WHERE id = 1; END;
CREATE TRIGGER data_generation_activities_d AFTER DELETE ON activities BEGIN UPDATE data_generation SET gen = random() WHERE id = 1; END;
CREATE TRIGGER data_generation_activity_groups_i AFTER INSERT ON activity_groups BEGIN UPDATE data_generation SET gen = random() WHERE id = 1; END;
CREATE TRIGGER data_generation_activity_groups_u AFTER UPDATE ON activity_groups BEGIN UPDATE data_generation SET gen = random() WHERE id = 1; END;
CREATE TRIGGER data_generation_activity_groups_d AFTER DELETE ON activity_groups BEGIN UPDATE data_generation SET gen = random() WHERE id = 1; END;
CREATE TRIGGER data_generation_activity_participants_i AFTER INSERT ON activity_participants BEGIN UPDATE data_generation SET gen = random() WHERE id = 1; END;
CREATE TRIGGER data_generation_activity_participants_u AFTER UPDATE ON activity_participants BEGIN UPDATE data_generation SET gen = random() WHERE id = 1; END;
CREATE TRIGGER data_generation_activity_participants_d AFTER DELETE ON activity_participants BEGIN UPDATE data_generation SET gen = random() WHERE id = 1; END;
CREATE TRIGGER data_generation_activity_topics_i AFTER INSERT ON activity_topics BEGIN UPDATE data_generation SET gen = random() WHERE id = 1; END;
CREATE TRIGGER data_generation_activity_topics_u AFTER UPDATE ON activity_topics BEGIN UPDATE data_generation SET gen = random() WHERE id = 1; END;
CREATE TRIGGER data_generation_activity_topics_d AFTER DELETE ON activity_topics BEGIN UPDATE data_generation SET gen = random() WHERE id = 1; END;
CREATE TRIGGER data_generation_activity_topics_catalog_i AFTER INSERT ON activity_topics_catalog BEGIN UPDATE data_generation SET gen = random() WHERE id = 1; END;
CREATE TRIGGER data_generation_activity_topics_catalog_u AFTER UPDATE ON activity_topics_catalog BEGIN UPDATE data_generation SET gen = random() WHERE id = 1; END;
CREATE TRIGGER data_generation_activity_topics_catalog_d AFTER DELETE ON activity_topics_catalog BEGIN UPDATE data_generation SET gen = random() WHERE id = 1; END;
CREATE TRIGGER data_generation_activity_types_i AFTER INSERT ON activity_types BEGIN UPDATE data_generation SET gen = random() WHERE id = 1; END;
CREATE TRIGGER data_generation_activity_types_u AFTER UPDATE ON activity_types BEGIN UPDATE data_generation SET gen = random() WHERE id = 1; END;
CREATE TRIGGER data_generation_activity_types_d AFTER DELETE ON activity_types BEGIN UPDATE data_generation SET gen = random() WHERE id = 1; END;
CREATE TRIGGER data_generation_activity_workers_i AFTER INSERT ON activity_workers BEGIN UPDATE data_generation SET gen = random() WHERE id = 1; END;
CREATE TRIGGER data_generation_activity_workers_u AFTER UPDATE ON activity_workers BEGIN UPDATE data_generation SET gen = random() WHERE id = 1; END;
CREATE TRIGGER data_generation_activity_workers_d AFTER DELETE ON activity_workers BEGIN UPDATE data_generation SET gen = random() WHERE id = 1; END;
CREATE TRIGGER data_generation_addresses_i AFTER INSERT ON addresses BEGIN UPDATE data_generation SET gen = random() WHERE id = 1; END;
CREATE TRIGGER data_generation_addresses_u AFTER UPDATE ON addresses BEGIN UPDATE data_generation SET gen = random() WHERE id = 1; END;
CREATE TRIGGER data_generation_addresses_d AFTER DELETE ON addresses BEGIN UPDATE data_generation SET gen = random() WHERE id = 1; END;
CREATE TRIGGER data_generation_assessment_levels_i AFTER INSERT ON assessment_levels BEGIN UPDATE data_generation SET gen = random() WHERE id = 1; END;
CREATE TRIGGER data_generation_assessment_levels_u AFTER UPDATE ON assessment_levels BEGIN UPDATE data_generation SET gen = random() WHERE id = 1; END;
CREATE TRIGGER data_generation_assessment_levels_d AFTER DELETE ON assessment_levels BEGIN UPDATE data_generation SET gen = random() WHERE id = 1; END;
CREATE TRIGGER data_generation_assessments_i AFTER INSERT ON assessments BEGIN UPDATE data_generation SET gen = random() WHERE id = 1; END;
CREATE TRIGGER data_generation_assessments_u AFTER UPDATE ON assessments BEGIN UPDATE data_generation SET gen = random() WHERE id = 1; END;
CREATE TRIGGER data_generation_assessments_d AFTER DELETE ON assessments BEGIN UPDATE data_generation SET gen = random() WHERE id = 1; END;
CREATE TRIGGER data_generation_attendance_i AFTER INSERT ON attendance BEGIN UPDATE data_generation SET gen = random() WHERE id = 1; END;
CREATE TRIGGER data_generation_attendance_u AFTER UPDATE ON attendance BEGIN UPDATE data_generation SET gen = random() WHERE id = 1; END;
CREATE TRIGGER data_generation_attendance_d AFTER DELETE ON attendance BEGIN UPDATE data_generation SET gen = random() WHERE id = 1; END;
CREATE TRIGGER data_generation_catchments_i AFTER INSERT ON catchments BEGIN UPDATE data_generation SET gen = random() WHERE id = 1; END;
CREATE TRIGGER data_generation_catchments_u AFTER UPDATE ON catchments BEGIN UPDATE data_generation SET gen = random() WHERE id = 1; END;
CREATE TRIGGER data_generation_catchments_d AFTER DELETE ON catchments BEGIN UPDATE data_generation SET gen = random() WHERE id = 1; END;
CREATE TRIGGER data_generation_competence_domains_i AFTER INSERT ON competence_domains BEGIN UPDATE data_generation SET gen = random() WHERE id = 1; END;
CREATE TRIGGER data_generation_competence_domains_u AFTER UPDATE ON competence_domains BEGIN UPDATE data_generation SET gen = random() WHERE id = 1; END;
CREATE TRIGGER data_generation_competence_domains_d AFTER DELETE ON competence_domains BEGIN UPDATE data_generation SET gen = random() WHERE id = 1; END;
CREATE TRIGGER data_generation_competence_frameworks_i AFTER INSERT ON competence_frameworks BEGIN UPDATE data_generation SET gen = random() WHERE id = 1; END;
CREATE TRIGGER data_generation_competence_frameworks_u AFTER UPDATE ON competence_frameworks BEGIN UPDATE data_generation SET gen = random() WHERE id = 1; END;
CREATE TRIGGER data_generation_competence_frameworks_d AFTER DELETE ON competence_frameworks BEGIN UPDATE data_generation SET gen = random() WHERE id = 1; END;
CREATE TRIGGER data_generation_competence_indicators_i AFTER INSERT ON competence_indicators BEGIN UPDATE data_generation SET gen = random() WHERE id = 1; END;
CREATE TRIGGER data_generation_competence_indicators_u AFTER UPDATE ON competence_indicators BEGIN UPDATE data_generation SET gen = random() WHERE id = 1; END;
CREATE TRIGGER data_generation_competence_indicators_d AFTER DELETE ON competence_indicators BEGIN UPDATE data_generation SET gen = random() WHERE id = 1; END;
CREATE TRIGGER data_generation_competence_levels_i AFTER INSERT ON competence_levels BEGIN UPDATE data_generation SET gen = random() WHERE id = 1; END;
CREATE TRIGGER data_generation_competence_levels_u AFTER UPDATE ON competence_levels BEGIN UPDATE data_generation SET gen = random() WHERE id = 1; END;
CREATE TRIGGER data_generation_competence_levels_d AFTER DELETE ON competence_levels BEGIN UPDATE data_generation SET gen = random() WHERE id = 1; END;
CREATE TRIGGER data_generation_consents_i AFTER INSERT ON consents BEGIN UPDATE data_generation SET gen = random() WHERE id = 1; END;
CREATE TRIGGER data_generation_consents_u AFTER UPDATE ON consents BEGIN UPDATE data_generation SET gen = random() WHERE id = 1; END;
CREATE TRIGGER data_generation_consents_d AFTER DELETE ON consents BEGIN UPDATE data_generation SET gen = random() WHERE id = 1; END;
CREATE TRIGGER data_generation_contact_people_i AFTER INSERT ON contact_people BEGIN UPDATE data_generation SET gen = random() WHERE id = 1; END;
CREATE TRIGGER data_generation_contact_people_u AFTER UPDATE ON contact_people BEGIN UPDATE data_generation SET gen = random() WHERE id = 1; END;
CREATE TRIGGER data_generation_contact_people_d AFTER DELETE ON contact_people BEGIN UPDATE data_generation SET gen = random() WHERE id = 1; END;
CREATE TRIGGER data_generation_contacts_i AFTER INSERT ON contacts BEGIN UPDATE data_generation SET gen = random() WHERE id = 1; END;
CREATE TRIGGER data_generation_contacts_u AFTER UPDATE ON contacts BEGIN UPDATE data_generation SET gen = random() WHERE id = 1; END;
CREATE TRIGGER data_generation_contacts_d AFTER DELETE ON contacts BEGIN UPDATE data_generation SET gen = random() WHERE id = 1; END;
CREATE TRIGGER data_generation_document_templates_i AFTER INSERT ON document_templates BEGIN UPDATE data_generation SET gen = random() WHERE id = 1; END;
CREATE TRIGGER data_generation_document_templates_u AFTER UPDATE ON document_templates BEGIN UPDATE data_generation SET gen = random() WHERE id = 1; END;
CREATE TRIGGER data_generation_document_templates_d AFTER DELETE ON document_templates BEGIN UPDATE data_generation SET gen = random() WHERE id = 1; END;
CREATE TRIGGER data_generation_documents_i AFTER INSERT ON documents BEGIN UPDATE data_generation SET gen = random() WHERE id = 1; END;
CREATE TRIGGER data_generation_documents_u AFTER UPDATE ON documents BEGIN UPDATE data_generation SET gen = random() WHERE id = 1; END;
CREATE TRIGGER data_generation_documents_d AFTER DELETE ON documents BEGIN UPDATE data_generation SET gen = random() WHERE id = 1; END;
CREATE TRIGGER data_generation_enrollment_cases_i AFTER INSERT ON enrollment_cases BEGIN UPDATE data_generation SET gen = random() WHERE id = 1; END;
CREATE TRIGGER data_generation_enrollment_cases_u AFTER UPDATE ON enrollment_cases BEGIN UPDATE data_generation SET gen = random() WHERE id = 1; END;
CREATE TRIGGER data_generation_enrollment_cases_d AFTER DELETE ON enrollment_cases BEGIN UPDATE data_generation SET gen = random() WHERE id = 1; END;
CREATE TRIGGER data_generation_enrollment_events_i AFTER INSERT ON enrollment_events BEGIN UPDATE data_generation SET gen = random() WHERE id = 1; END;
CREATE TRIGGER data_generation_enrollment_events_u AFTER UPDATE ON enrollment_events BEGIN UPDATE data_generation SET gen = random() WHERE id = 1; END;
CREATE TRIGGER data_generation_enrollment_events_d AFTER DELETE ON enrollment_events BEGIN UPDATE data_generation SET gen = random() WHERE id = 1; END;
CREATE TRIGGER data_generation_enrollment_targets_i AFTER INSERT ON enrollment_targets BEGIN UPDATE data_generation SET gen = random() WHERE id = 1; END;
CREATE TRIGGER data_generation_enrollment_targets_u AFTER UPDATE ON enrollment_targets BEGIN UPDATE data_generation SET gen = random() WHERE id = 1; END;
CREATE TRIGGER data_generation_enrollment_targets_d AFTER DELETE ON enrollment_targets BEGIN UPDATE data_generation SET gen = random() WHERE id = 1; END;
CREATE TRIGGER data_generation_families_i AFTER INSERT ON families BEGIN UPDATE data_generation SET gen = random() WHERE id = 1; END;
CREATE TRIGGER data_generation_families_u AFTER UPDATE ON families BEGIN UPDATE data_generation SET gen = random() WHERE id = 1; END;
CREATE TRIGGER data_generation_families_d AFTER DELETE ON families BEGIN UPDATE data_generation SET gen = random() WHERE id = 1; END;
CREATE TRIGGER data_generation_group_members_i AFTER INSERT ON group_members BEGIN UPDATE data_generation SET gen = random() WHERE id = 1; END;
CREATE TRIGGER data_generation_group_members_u AFTER UPDATE ON group_members BEGIN UPDATE data_generation SET gen = random() WHERE id = 1; END;
CREATE TRIGGER data_generation_group_members_d AFTER DELETE ON group_members BEGIN UPDATE data_generation SET gen = random() WHERE id = 1; END;
CREATE TRIGGER data_generation_guide_institutions_i AFTER INSERT ON guide_institutions BEGIN UPDATE data_generation SET gen = random() WHERE id = 1; END;
CREATE TRIGGER data_generation_guide_institutions_u AFTER UPDATE ON guide_institutions BEGIN UPDATE data_generation SET gen = random() WHERE id = 1; END;
CREATE TRIGGER data_generation_guide_institutions_d AFTER DELETE ON guide_institutions BEGIN UPDATE data_generation SET gen = random() WHERE id = 1; END;
CREATE TRIGGER data_generation_incident_actions_i AFTER INSERT ON incident_actions BEGIN UPDATE data_generation SET gen = random() WHERE id = 1; END;
CREATE TRIGGER data_generation_incident_actions_u AFTER UPDATE ON incident_actions BEGIN UPDATE data_generation SET gen = random() WHERE id = 1; END;
CREATE TRIGGER data_generation_incident_actions_d AFTER DELETE ON incident_actions BEGIN UPDATE data_generation SET gen = random() WHERE id = 1; END;
CREATE TRIGGER data_generation_incident_evidence_i AFTER INSERT ON incident_evidence BEGIN UPDATE data_generation SET gen = random() WHERE id = 1; END;
CREATE TRIGGER data_generation_incident_evidence_u AFTER UPDATE ON incident_evidence BEGIN UPDATE data_generation SET gen = random() WHERE id = 1; END;
CREATE TRIGGER data_generation_incident_evidence_d AFTER DELETE ON incident_evidence BEGIN UPDATE data_generation SET gen = random() WHERE id = 1; END;
CREATE TRIGGER data_generation_incident_people_i AFTER INSERT ON incident_people BEGIN UPDATE data_generation SET gen = random() WHERE id = 1; END;
CREATE TRIGGER data_generation_incident_people_u AFTER UPDATE ON incident_people BEGIN UPDATE data_generation SET gen = random() WHERE id = 1; END;
CREATE TRIGGER data_generation_incident_people_d AFTER DELETE ON incident_people BEGIN UPDATE data_generation SET gen = random() WHERE id = 1; END;
CREATE TRIGGER data_generation_incidents_i AFTER INSERT ON incidents BEGIN UPDATE data_generation SET gen = random() WHERE id = 1; END;
CREATE TRIGGER data_generation_incidents_u AFTER UPDATE ON incidents BEGIN UPDATE data_generation SET gen = random() WHERE id = 1; END;
CREATE TRIGGER data_generation_incidents_d AFTER DELETE ON incidents BEGIN UPDATE data_generation SET gen = random() WHERE id = 1; END;
CREATE TRIGGER data_generation_merges_i AFTER INSERT ON merges BEGIN UPDATE data_generation SET gen = random() WHERE id = 1; END;
CREATE TRIGGER data_generation_merges_u AFTER UPDATE ON merges BEGIN UPDATE data_generation SET gen = random() WHERE id = 1; END;
CREATE TRIGGER data_generation_merges_d AFTER DELETE ON merges BEGIN UPDATE data_generation SET gen = random() WHERE id = 1; END;
CREATE TRIGGER data_generation_observation_people_i AFTER INSERT ON observation_people BEGIN UPDATE data_generation SET gen = random() WHERE id = 1; END;
CREATE TRIGGER data_generation_observation_people_u AFTER UPDATE ON observation_people BEGIN UPDATE data_generation SET gen = random() WHERE id = 1; END;
CREATE TRIGGER data_generation_observation_people_d AFTER DELETE ON observation_people BEGIN UPDATE data_generation SET gen = random() WHERE id = 1; END;
CREATE TRIGGER data_generation_observations_i AFTER INSERT ON observations BEGIN UPDATE data_generation SET gen = random() WHERE id = 1; END;
CREATE TRIGGER data_generation_observations_u AFTER UPDATE ON observations BEGIN UPDATE data_generation SET gen = random() WHERE id = 1; END;
CREATE TRIGGER data_generation_observations_d AFTER DELETE ON observations BEGIN UPDATE data_generation SET gen = random() WHERE id = 1; END;
CREATE TRIGGER data_generation_participations_i AFTER INSERT ON participations BEGIN UPDATE data_generation SET gen = random() WHERE id = 1; END;
CREATE TRIGGER data_generation_participations_u AFTER UPDATE ON participations BEGIN UPDATE data_generation SET gen = random() WHERE id = 1; END;
CREATE TRIGGER data_generation_participations_d AFTER DELETE ON participations BEGIN UPDATE data_generation SET gen = random() WHERE id = 1; END;
CREATE TRIGGER data_generation_people_i AFTER INSERT ON people BEGIN UPDATE data_generation SET gen = random() WHERE id = 1; END;
CREATE TRIGGER data_generation_people_u AFTER UPDATE ON people BEGIN UPDATE data_generation SET gen = random() WHERE id = 1; END;
CREATE TRIGGER data_generation_people_d AFTER DELETE ON people BEGIN UPDATE data_generation SET gen = random() WHERE id = 1; END;
CREATE TRIGGER data_generation_project_periods_i AFTER INSERT ON project_periods BEGIN UPDATE data_generation SET gen = random() WHERE id = 1; END;
CREATE TRIGGER data_generation_project_periods_u AFTER UPDATE ON project_periods BEGIN UPDATE data_generation SET gen = random() WHERE id = 1; END;
CREATE TRIGGER data_generation_project_periods_d AFTER DELETE ON project_periods BEGIN UPDATE data_generation SET gen = random() WHERE id = 1; END;
CREATE TRIGGER data_generation_project_targets_i AFTER INSERT ON project_targets BEGIN UPDATE data_generation SET gen = random() WHERE id = 1; END;
CREATE TRIGGER data_generation_project_targets_u AFTER UPDATE ON project_targets BEGIN UPDATE data_generation SET gen = random() WHERE id = 1; END;
CREATE TRIGGER data_generation_project_targets_d AFTER DELETE ON project_targets BEGIN UPDATE data_generation SET gen = random() WHERE id = 1; END;
CREATE TRIGGER data_generation_projects_i AFTER INSERT ON projects BEGIN UPDATE data_generation SET gen = random() WHERE id = 1; END;
CREATE TRIGGER data_generation_projects_u AFTER UPDATE ON projects BEGIN UPDATE data_generation SET gen = random() WHERE id = 1; END;
CREATE TRIGGER data_generation_projects_d AFTER DELETE ON projects BEGIN UPDATE data_generation SET gen = random() WHERE id = 1; END;
CREATE TRIGGER data_generation_relationships_i AFTER INSERT ON relationships BEGIN UPDATE data_generation SET gen = random() WHERE id = 1; END;
CREATE TRIGGER data_generation_relationships_u AFTER UPDATE ON relationships BEGIN UPDATE data_generation SET gen = random() WHERE id = 1; END;
CREATE TRIGGER data_generation_relationships_d AFTER DELETE ON relationships BEGIN UPDATE data_generation SET gen = random() WHERE id = 1; END;
CREATE TRIGGER data_generation_reports_i AFTER INSERT ON reports BEGIN UPDATE data_generation SET gen = random() WHERE id = 1; END;
CREATE TRIGGER data_generation_reports_u AFTER UPDATE ON reports BEGIN UPDATE data_generation SET gen = random() WHERE id = 1; END;
CREATE TRIGGER data_generation_reports_d AFTER DELETE ON reports BEGIN UPDATE data_generation SET gen = random() WHERE id = 1; END;
CREATE TRIGGER data_generation_school_composition_i AFTER INSERT ON school_composition BEGIN UPDATE data_generation SET gen = random() WHERE id = 1; END;
CREATE TRIGGER data_generation_school_composition_u AFTER UPDATE ON school_composition BEGIN UPDATE data_generation SET gen = random() WHERE id = 1; END;
CREATE TRIGGER data_generation_school_composition_d AFTER DELETE ON school_composition BEGIN UPDATE data_generation SET gen = random() WHERE id = 1; END;
CREATE TRIGGER data_generation_school_interactions_i AFTER INSERT ON school_interactions BEGIN UPDATE data_generation SET gen = random() WHERE id = 1; END;
CREATE TRIGGER data_generation_school_interactions_u AFTER UPDATE ON school_interactions BEGIN UPDATE data_generation SET gen = random() WHERE id = 1; END;
CREATE TRIGGER data_generation_school_interactions_d AFTER DELETE ON school_interactions BEGIN UPDATE data_generation SET gen = random() WHERE id = 1; END;
CREATE TRIGGER data_generation_school_openness_i AFTER INSERT ON school_openness BEGIN UPDATE data_generation SET gen = random() WHERE id = 1; END;
CREATE TRIGGER data_generation_school_openness_u AFTER UPDATE ON school_openness BEGIN UPDATE data_generation SET gen = random() WHERE id = 1; END;
CREATE TRIGGER data_generation_school_openness_d AFTER DELETE ON school_openness BEGIN UPDATE data_generation SET gen = random() WHERE id = 1; END;
CREATE TRIGGER data_generation_schools_i AFTER INSERT ON schools BEGIN UPDATE data_generation SET gen = random() WHERE id = 1; END;
CREATE TRIGGER data_generation_schools_u AFTER UPDATE ON schools BEGIN UPDATE data_generation SET gen = random() WHERE id = 1; END;
CREATE TRIGGER data_generation_schools_d AFTER DELETE ON schools BEGIN UPDATE data_generation SET gen = random() WHERE id = 1; END;
CREATE TRIGGER data_generation_settings_i AFTER INSERT ON settings BEGIN UPDATE data_generation SET gen = random() WHERE id = 1; END;
CREATE TRIGGER data_generation_settings_u AFTER UPDATE ON settings BEGIN UPDATE data_generation SET gen = random() WHERE id = 1; END;
CREATE TRIGGER data_generation_settings_d AFTER DELETE ON settings BEGIN UPDATE data_generation SET gen = random() WHERE id = 1; END;
CREATE TRIGGER data_generation_special_category_i AFTER INSERT ON special_category BEGIN UPDATE data_generation SET gen = random() WHERE id = 1; END;
CREATE TRIGGER data_generation_special_category_u AFTER UPDATE ON special_category BEGIN UPDATE data_generation SET gen = random() WHERE id = 1; END;
CREATE TRIGGER data_generation_special_category_d AFTER DELETE ON special_category BEGIN UPDATE data_generation SET gen = random() WHERE id = 1; END;
CREATE TRIGGER data_generation_tasks_i AFTER INSERT ON tasks BEGIN UPDATE data_generation SET gen = random() WHERE id = 1; END;
CREATE TRIGGER data_generation_tasks_u AFTER UPDATE ON tasks BEGIN UPDATE data_generation SET gen = random() WHERE id = 1; END;
CREATE TRIGGER data_generation_tasks_d AFTER DELETE ON tasks BEGIN UPDATE data_generation SET gen = random() WHERE id = 1; END;
CREATE TRIGGER data_generation_teams_i AFTER INSERT ON teams BEGIN UPDATE data_generation SET gen = random() WHERE id = 1; END;
CREATE TRIGGER data_generation_teams_u AFTER UPDATE ON teams BEGIN UPDATE data_generation SET gen = random() WHERE id = 1; END;
CREATE TRIGGER data_generation_teams_d AFTER DELETE ON teams BEGIN UPDATE data_generation SET gen = random() WHERE id = 1; END;
CREATE TRIGGER data_generation_zapis_windows_i AFTER INSERT ON zapis_windows BEGIN UPDATE data_generation SET gen = random() WHERE id = 1; END;
CREATE TRIGGER data_generation_zapis_windows_u AFTER UPDATE ON zapis_windows BEGIN UPDATE data_generation SET gen = random() WHERE id = 1; END;
CREATE TRIGGER data_generation_zapis_windows_d AFTER DELETE ON zapis_windows BEGIN UPDATE data_generation SET gen = random() WHERE id = 1; END;

-- @postgresql
-- A statement trigger marks the transaction once (a transaction-local setting, no lock) and queues one
-- row in data_generation_marks; the deferred constraint trigger on that row moves the counter at commit,
-- so the counter row is locked only while the transaction commits (as in 0013), and a bulk load of
-- millions of rows moves it once.
CREATE TABLE data_generation_marks (txid BIGINT NOT NULL);
CREATE FUNCTION data_generation_mark() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('kredo.data_marked', true) IS DISTINCT FROM 'on' THEN
    PERFORM set_config('kredo.data_marked', 'on', true);
    INSERT INTO data_generation_marks (txid) VALUES (txid_current());
  END IF;
  RETURN NULL;
END $$;
CREATE FUNCTION data_generation_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE data_generation SET gen = floor(random() * 9007199254740991)::bigint WHERE id = 1;
  DELETE FROM data_generation_marks WHERE txid = NEW.txid;
  RETURN NULL;
END $$;
CREATE CONSTRAINT TRIGGER data_generation_commit AFTER INSERT ON data_generation_marks
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION data_generation_bump();
CREATE TRIGGER data_generation_activities AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON activities FOR EACH STATEMENT EXECUTE FUNCTION data_generation_mark();
CREATE TRIGGER data_generation_activity_groups AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON activity_groups FOR EACH STATEMENT EXECUTE FUNCTION data_generation_mark();
CREATE TRIGGER data_generation_activity_participants AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON activity_participants FOR EACH STATEMENT EXECUTE FUNCTION data_generation_mark();
CREATE TRIGGER data_generation_activity_topics AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON activity_topics FOR EACH STATEMENT EXECUTE FUNCTION data_generation_mark();
CREATE TRIGGER data_generation_activity_topics_catalog AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON activity_topics_catalog FOR EACH STATEMENT EXECUTE FUNCTION data_generation_mark();
CREATE TRIGGER data_generation_activity_types AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON activity_types FOR EACH STATEMENT EXECUTE FUNCTION data_generation_mark();
CREATE TRIGGER data_generation_activity_workers AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON activity_workers FOR EACH STATEMENT EXECUTE FUNCTION data_generation_mark();
CREATE TRIGGER data_generation_addresses AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON addresses FOR EACH STATEMENT EXECUTE FUNCTION data_generation_mark();
CREATE TRIGGER data_generation_assessment_levels AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON assessment_levels FOR EACH STATEMENT EXECUTE FUNCTION data_generation_mark();
CREATE TRIGGER data_generation_assessments AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON assessments FOR EACH STATEMENT EXECUTE FUNCTION data_generation_mark();
CREATE TRIGGER data_generation_attendance AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON attendance FOR EACH STATEMENT EXECUTE FUNCTION data_generation_mark();
CREATE TRIGGER data_generation_catchments AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON catchments FOR EACH STATEMENT EXECUTE FUNCTION data_generation_mark();
CREATE TRIGGER data_generation_competence_domains AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON competence_domains FOR EACH STATEMENT EXECUTE FUNCTION data_generation_mark();
CREATE TRIGGER data_generation_competence_frameworks AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON competence_frameworks FOR EACH STATEMENT EXECUTE FUNCTION data_generation_mark();
CREATE TRIGGER data_generation_competence_indicators AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON competence_indicators FOR EACH STATEMENT EXECUTE FUNCTION data_generation_mark();
CREATE TRIGGER data_generation_competence_levels AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON competence_levels FOR EACH STATEMENT EXECUTE FUNCTION data_generation_mark();
CREATE TRIGGER data_generation_consents AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON consents FOR EACH STATEMENT EXECUTE FUNCTION data_generation_mark();
CREATE TRIGGER data_generation_contact_people AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON contact_people FOR EACH STATEMENT EXECUTE FUNCTION data_generation_mark();
CREATE TRIGGER data_generation_contacts AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON contacts FOR EACH STATEMENT EXECUTE FUNCTION data_generation_mark();
CREATE TRIGGER data_generation_document_templates AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON document_templates FOR EACH STATEMENT EXECUTE FUNCTION data_generation_mark();
CREATE TRIGGER data_generation_documents AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON documents FOR EACH STATEMENT EXECUTE FUNCTION data_generation_mark();
CREATE TRIGGER data_generation_enrollment_cases AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON enrollment_cases FOR EACH STATEMENT EXECUTE FUNCTION data_generation_mark();
CREATE TRIGGER data_generation_enrollment_events AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON enrollment_events FOR EACH STATEMENT EXECUTE FUNCTION data_generation_mark();
CREATE TRIGGER data_generation_enrollment_targets AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON enrollment_targets FOR EACH STATEMENT EXECUTE FUNCTION data_generation_mark();
CREATE TRIGGER data_generation_families AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON families FOR EACH STATEMENT EXECUTE FUNCTION data_generation_mark();
CREATE TRIGGER data_generation_group_members AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON group_members FOR EACH STATEMENT EXECUTE FUNCTION data_generation_mark();
CREATE TRIGGER data_generation_guide_institutions AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON guide_institutions FOR EACH STATEMENT EXECUTE FUNCTION data_generation_mark();
CREATE TRIGGER data_generation_incident_actions AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON incident_actions FOR EACH STATEMENT EXECUTE FUNCTION data_generation_mark();
CREATE TRIGGER data_generation_incident_evidence AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON incident_evidence FOR EACH STATEMENT EXECUTE FUNCTION data_generation_mark();
CREATE TRIGGER data_generation_incident_people AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON incident_people FOR EACH STATEMENT EXECUTE FUNCTION data_generation_mark();
CREATE TRIGGER data_generation_incidents AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON incidents FOR EACH STATEMENT EXECUTE FUNCTION data_generation_mark();
CREATE TRIGGER data_generation_merges AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON merges FOR EACH STATEMENT EXECUTE FUNCTION data_generation_mark();
CREATE TRIGGER data_generation_observation_people AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON observation_people FOR EACH STATEMENT EXECUTE FUNCTION data_generation_mark();
CREATE TRIGGER data_generation_observations AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON observations FOR EACH STATEMENT EXECUTE FUNCTION data_generation_mark();
CREATE TRIGGER data_generation_participations AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON participations FOR EACH STATEMENT EXECUTE FUNCTION data_generation_mark();
CREATE TRIGGER data_generation_people AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON people FOR EACH STATEMENT EXECUTE FUNCTION data_generation_mark();
CREATE TRIGGER data_generation_project_periods AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON project_periods FOR EACH STATEMENT EXECUTE FUNCTION data_generation_mark();
CREATE TRIGGER data_generation_project_targets AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON project_targets FOR EACH STATEMENT EXECUTE FUNCTION data_generation_mark();
CREATE TRIGGER data_generation_projects AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON projects FOR EACH STATEMENT EXECUTE FUNCTION data_generation_mark();
CREATE TRIGGER data_generation_relationships AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON relationships FOR EACH STATEMENT EXECUTE FUNCTION data_generation_mark();
CREATE TRIGGER data_generation_reports AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON reports FOR EACH STATEMENT EXECUTE FUNCTION data_generation_mark();
CREATE TRIGGER data_generation_school_composition AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON school_composition FOR EACH STATEMENT EXECUTE FUNCTION data_generation_mark();
CREATE TRIGGER data_generation_school_interactions AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON school_interactions FOR EACH STATEMENT EXECUTE FUNCTION data_generation_mark();
CREATE TRIGGER data_generation_school_openness AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON school_openness FOR EACH STATEMENT EXECUTE FUNCTION data_generation_mark();
CREATE TRIGGER data_generation_schools AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON schools FOR EACH STATEMENT EXECUTE FUNCTION data_generation_mark();
CREATE TRIGGER data_generation_settings AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON settings FOR EACH STATEMENT EXECUTE FUNCTION data_generation_mark();
CREATE TRIGGER data_generation_special_category AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON special_category FOR EACH STATEMENT EXECUTE FUNCTION data_generation_mark();
CREATE TRIGGER data_generation_tasks AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON tasks FOR EACH STATEMENT EXECUTE FUNCTION data_generation_mark();
CREATE TRIGGER data_generation_teams AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON teams FOR EACH STATEMENT EXECUTE FUNCTION data_generation_mark();
CREATE TRIGGER data_generation_zapis_windows AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON zapis_windows FOR EACH STATEMENT EXECUTE FUNCTION data_generation_mark();
