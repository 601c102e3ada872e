CREATE TABLE memberships (user_name text, team integer);
CREATE TABLE boards (id integer PRIMARY KEY, team integer);
CREATE FUNCTION my_teams() RETURNS SETOF integer LANGUAGE sql STABLE SECURITY DEFINER AS $$ SELECT team FROM memberships WHERE user_name = current_user $$;
ALTER TABLE boards ENABLE ROW LEVEL SECURITY;
CREATE POLICY boards_team ON boards USING (team IN (SELECT my_teams()));
