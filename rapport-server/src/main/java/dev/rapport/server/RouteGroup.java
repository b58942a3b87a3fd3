package dev.rapport.server;

import java.util.List;

/** The routes of one capability (members, follows, invitations, ...). */
interface RouteGroup {
  List<Route> routes();
}
