-- Project settings (issue 6): the rule for a non-segregated school becomes data. A school counts as
-- non-segregated for the indicator P_ENROLLED_NONSEG when its latest Roma-share estimate is at most
-- this share (default one half, the old constant). The value in force is frozen into every
-- submitted report's settings, next to the definition versions.
-- @all
ALTER TABLE projects ADD COLUMN non_segregated_max_roma_share DOUBLE PRECISION NOT NULL DEFAULT 0.5
  CHECK (non_segregated_max_roma_share >= 0 AND non_segregated_max_roma_share <= 1);
