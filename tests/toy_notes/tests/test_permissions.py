from dancu.core import testing as m

PAGES = {"toy_notes:note_list": m.route(allowed={"specialist", "leader"})}
PUBLIC = {"toy_notes_public:notes": m.route()}
ROUTES = m.route_names([PAGES, PUBLIC])
