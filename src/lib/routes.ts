// The route table is shared with the edge functions (see the file re-exported here); import
// routes from this module inside the app.
export { ROUTES, SUBPACKAGES, routeUrl, appPages, type RouteName, type RouteQuery, type Subpackage } from '../../supabase/functions/_shared/routes';
