/* X
 *
 * revision: dddd00000004
 * revises: cccc00000003
