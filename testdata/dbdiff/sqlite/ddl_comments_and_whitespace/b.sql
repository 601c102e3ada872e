create   table
  t (  -- the table
    id integer   primary key, /* rowid alias */
    a  text  not null  default  'x' , -- a comment, with (parens)
    b  integer
        check ( b > 0 )  -- trailing
  );
