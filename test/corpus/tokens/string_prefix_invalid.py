bu'' ub'' fb'' bf'' tf'' ft'' ur'' rb'' Rb'' tb''
