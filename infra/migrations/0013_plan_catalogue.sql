-- What an officer must read to register for a plan (issue 15, "discoverable"): its award
-- forms, quota rules, standards, eligible subjects, late-registration policy and slogan, kept
-- by the plans projection from PlanDrafted. Plans projected before this migration show them
-- empty until `thidua projections rebuild plans` replays the log.
ALTER TABLE plans
    ADD COLUMN slogan                    text NOT NULL DEFAULT '',
    ADD COLUMN award_forms               jsonb NOT NULL DEFAULT '[]',
    ADD COLUMN quota_rules               jsonb NOT NULL DEFAULT '[]',
    ADD COLUMN standards                 text[] NOT NULL DEFAULT '{}',
    ADD COLUMN eligible_subjects         text[] NOT NULL DEFAULT '{}',
    ADD COLUMN late_registration_policy  text NOT NULL DEFAULT '';

-- The plan list filters by issuer and by parent; org_units searched by folded name.
CREATE INDEX plans_by_issuer ON plans (issuing_unit_id);

-- Accent-insensitive unit search: the name folded as domain.organisation.fold_name folds it
-- (NFD, marks dropped, đ -> d, lower case, whitespace collapsed), kept by the org_tree
-- projection; existing rows are folded here the same way.
ALTER TABLE org_units ADD COLUMN search_name text NOT NULL DEFAULT '';
UPDATE org_units SET search_name = btrim(regexp_replace(lower(translate(
    regexp_replace(normalize(name, NFD), '[\u0300-\u036f]', '', 'g'), 'đĐ', 'dD')), '\s+', ' ', 'g'));

-- A registration's work items (phần việc) and initiatives (sáng kiến) by name, beside their
-- counts (the rollup's): the typed API lists them. Registrations projected before this
-- migration list none until `thidua projections rebuild registrations`.
ALTER TABLE registrations
    ADD COLUMN work_item_names   jsonb NOT NULL DEFAULT '[]',
    ADD COLUMN initiative_names  jsonb NOT NULL DEFAULT '[]';
