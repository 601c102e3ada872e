/* X
 *
 * revision: dddd00000004
 * revises: cccc00000003
 * created: 2026-01-04T00:00:00Z
 */
this is not C;
