# coding: ascii
x = 'a'
